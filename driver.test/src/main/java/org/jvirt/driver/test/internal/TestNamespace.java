package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * The test driver's own namespace ({@code http://libvirt.org/schemas/domain/test/1.0}) in trees
 * read without namespace processing: which prefixes name it, its elements, and a {@code <domain>}
 * without them, as the generic definition must be.
 */
final class TestNamespace {
    static final String URI = "http://libvirt.org/schemas/domain/test/1.0";

    /** Prefix to namespace, as declared on the elements from the outermost in. */
    private final Map<String, String> scope = new HashMap<>();

    /** @param ancestors the elements around the one to look into, outermost first, itself last */
    TestNamespace(List<XmlElement> ancestors) {
        ancestors.forEach(this::declare);
    }

    private void declare(XmlElement e) {
        for (XmlAttribute a : e.attributes()) {
            if (a.name().equals("xmlns")) {
                scope.put("", a.value());
            } else if (a.name().startsWith("xmlns:")) {
                scope.put(a.name().substring("xmlns:".length()), a.value());
            }
        }
    }

    /** Whether {@code child} of the innermost element is in the test namespace. */
    boolean isTest(XmlElement child) {
        TestNamespace own = new TestNamespace(List.of());
        own.scope.putAll(scope);
        own.declare(child);
        return URI.equals(own.scope.get(prefix(child.name())));
    }

    /** The children of the innermost element in the test namespace, named {@code local} (any when null). */
    List<XmlElement> children(XmlElement parent, String local) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : parent.children()) {
            if (isTest(c) && (local == null || local.equals(localName(c.name())))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code domain} as a document of its own without the test namespace: the declarations it
     * inherits are copied onto it (its other namespaced content keeps its meaning), the test
     * elements and the declarations of the test namespace are dropped.
     */
    XmlElement strip(XmlElement domain) {
        List<XmlElement> kept = new ArrayList<>();
        for (XmlElement c : domain.children()) {
            if (!isTest(c)) {
                kept.add(c);
            }
        }
        XmlElement out = domain.withChildren(kept);
        for (Map.Entry<String, String> d : scope.entrySet()) {
            String attr = d.getKey().isEmpty() ? "xmlns" : "xmlns:" + d.getKey();
            out = out.withAttribute(attr, URI.equals(d.getValue()) ? null : d.getValue());
        }
        return out;
    }

    static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    private static String prefix(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? "" : qname.substring(0, colon);
    }
}
