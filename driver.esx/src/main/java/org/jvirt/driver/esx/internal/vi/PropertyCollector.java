package org.jvirt.driver.esx.internal.vi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * The PropertyCollector: {@code RetrievePropertiesEx} and, while the server answers a
 * continuation token, {@code ContinueRetrievePropertiesEx}, so one call returns the properties
 * of every object of the asked types reachable from a starting object ({@link Traversals}).
 * One round trip for all VMs and all their properties is what makes {@code list --all} fast.
 */
public final class PropertyCollector {
    /** Objects per page; the server may send fewer. */
    static final int PAGE = 500;

    private final ViClient client;

    public PropertyCollector(ViClient client) {
        this.client = client;
    }

    /** The session this collector calls through. */
    public ViClient client() {
        return client;
    }

    /**
     * The objects of the types in {@code properties} reachable from {@code root} (the root itself
     * included when it has one of the types), each with the properties listed for its type.
     */
    public List<ObjectContent> retrieve(MoRef root, Map<String, List<String>> properties) throws VirtException {
        return retrieve(root, properties, Traversals.selectSet());
    }

    private List<ObjectContent> retrieve(MoRef root, Map<String, List<String>> properties, String selectSet)
            throws VirtException {
        StringBuilder spec = new StringBuilder("<specSet>");
        for (Map.Entry<String, List<String>> type : properties.entrySet()) {
            spec.append("<propSet>").append(SoapXml.element("type", type.getKey())).append("<all>false</all>");
            for (String path : type.getValue()) {
                spec.append(SoapXml.element("pathSet", path));
            }
            spec.append("</propSet>");
        }
        spec.append("<objectSet>").append(root.toXml("obj")).append("<skip>false</skip>")
                .append(selectSet).append("</objectSet></specSet>")
                .append("<options><maxObjects>").append(PAGE).append("</maxObjects></options>");
        return collect(client.invoke("RetrievePropertiesEx", client.service().propertyCollector(), spec.toString()));
    }

    /** The objects of a {@code RetrievePropertiesEx} answer and of its continuations. */
    private List<ObjectContent> collect(List<Element> first) throws VirtException {
        MoRef collector = client.service().propertyCollector();
        List<ObjectContent> out = new ArrayList<>();
        List<Element> page = first;
        while (!page.isEmpty()) {
            Element result = page.get(0);
            for (Element objects : SoapXml.children(result, "objects")) {
                out.add(ObjectContent.of(objects));
            }
            String token = SoapXml.childText(result, "token");
            if (token == null || token.isEmpty()) {
                break;
            }
            page = client.invoke("ContinueRetrievePropertiesEx", collector, SoapXml.element("token", token));
        }
        return out;
    }

    /**
     * The properties {@code paths} of each of {@code objects} (all of the same type), in one round
     * trip (no traversal); one the server does not have fails the call, as for {@link #retrieveOne}.
     */
    public List<ObjectContent> retrieveEach(List<MoRef> objects, List<String> paths) throws VirtException {
        if (objects.isEmpty()) {
            return List.of();
        }
        StringBuilder spec = new StringBuilder("<specSet><propSet>")
                .append(SoapXml.element("type", objects.get(0).type())).append("<all>false</all>");
        for (String path : paths) {
            spec.append(SoapXml.element("pathSet", path));
        }
        spec.append("</propSet>");
        for (MoRef obj : objects) {
            spec.append("<objectSet>").append(obj.toXml("obj")).append("<skip>false</skip></objectSet>");
        }
        spec.append("</specSet><options><maxObjects>").append(PAGE).append("</maxObjects></options>");
        return collect(client.invoke("RetrievePropertiesEx", client.service().propertyCollector(), spec.toString()));
    }

    /**
     * Objects of different types with their properties, in one round trip (no traversal): for
     * example a VM and the host's autostart manager. Paths asked for one object are asked for every
     * object of its type. One the server does not have fails the call, as for {@link #retrieveOne}.
     */
    public Map<MoRef, ObjectContent> retrieveObjects(Map<MoRef, List<String>> objects) throws VirtException {
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        for (Map.Entry<MoRef, List<String>> o : objects.entrySet()) {
            byType.computeIfAbsent(o.getKey().type(), t -> new LinkedHashSet<>()).addAll(o.getValue());
        }
        StringBuilder spec = new StringBuilder("<specSet>");
        for (Map.Entry<String, Set<String>> type : byType.entrySet()) {
            spec.append("<propSet>").append(SoapXml.element("type", type.getKey())).append("<all>false</all>");
            for (String path : type.getValue()) {
                spec.append(SoapXml.element("pathSet", path));
            }
            spec.append("</propSet>");
        }
        for (MoRef obj : objects.keySet()) {
            spec.append("<objectSet>").append(obj.toXml("obj")).append("<skip>false</skip></objectSet>");
        }
        spec.append("</specSet><options><maxObjects>").append(PAGE).append("</maxObjects></options>");
        Map<MoRef, ObjectContent> out = new LinkedHashMap<>();
        for (ObjectContent content : collect(client.invoke("RetrievePropertiesEx",
                client.service().propertyCollector(), spec.toString()))) {
            out.put(content.obj(), content);
        }
        return out;
    }

    /** The given properties of one object (no traversal). */
    public ObjectContent retrieveOne(MoRef obj, List<String> paths) throws VirtException {
        // no select set: the server has nothing to walk (a smaller request, less work per call)
        for (ObjectContent content : retrieve(obj, Map.of(obj.type(), paths), "")) {
            if (content.obj().equals(obj)) {
                return content;
            }
        }
        throw ViErrors.internal("Could not retrieve the properties of " + obj.type() + " '" + obj.value() + "'");
    }
}
