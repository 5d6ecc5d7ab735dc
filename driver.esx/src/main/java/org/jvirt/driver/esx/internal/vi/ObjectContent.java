package org.jvirt.driver.esx.internal.vi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * One object of a PropertyCollector answer: its reference and the values of the properties asked
 * for, as the {@code val} elements the server sent (typed by {@code xsi:type}). A property the
 * server does not set is absent.
 */
public record ObjectContent(MoRef obj, Map<String, Element> properties) {

    public ObjectContent {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static ObjectContent of(Element objects) {
        Map<String, Element> props = new LinkedHashMap<>();
        for (Element prop : SoapXml.children(objects, "propSet")) {
            Element val = SoapXml.child(prop, "val");
            String name = SoapXml.childText(prop, "name");
            if (name != null && val != null) {
                props.put(name, val);
            }
        }
        return new ObjectContent(MoRef.of(SoapXml.child(objects, "obj")), props);
    }

    /** The text of a simple property, or null when the server did not set it. */
    public String string(String name) {
        Element val = properties.get(name);
        return val == null ? null : val.getTextContent().trim();
    }

    /** The text of a property that must be there. */
    public String requiredString(String name) throws VirtException {
        String value = string(name);
        if (value == null) {
            throw ViErrors.internal("Missing '" + name + "' property of " + obj.type() + " '" + obj.value() + "'");
        }
        return value;
    }

    /** A number property, or {@code fallback} when it is not set. */
    public long longValue(String name, long fallback) throws VirtException {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ViErrors.internal("Property '" + name + "' of " + obj.type() + " '" + obj.value()
                    + "' is not a number: '" + value + "'");
        }
    }

    /** A boolean property, or {@code fallback} when it is not set. */
    public boolean bool(String name, boolean fallback) {
        String value = string(name);
        return value == null || value.isEmpty() ? fallback : "true".equals(value);
    }

    /** A property holding one managed object reference, or null. */
    public MoRef moRef(String name) {
        Element val = properties.get(name);
        return val == null ? null : MoRef.of(val);
    }

    /** A property holding an {@code ArrayOfManagedObjectReference}: its items (none if not set). */
    public List<MoRef> moRefs(String name) {
        Element val = properties.get(name);
        List<MoRef> out = new ArrayList<>();
        if (val != null) {
            for (Element item : SoapXml.children(val, null)) {
                out.add(MoRef.of(item));
            }
        }
        return out;
    }

    /** The raw value element of a property, or null. */
    public Element element(String name) {
        return properties.get(name);
    }
}
