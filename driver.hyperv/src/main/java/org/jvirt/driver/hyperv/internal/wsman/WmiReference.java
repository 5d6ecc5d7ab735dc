package org.jvirt.driver.hyperv.internal.wsman;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * An endpoint reference to one WMI instance (WS-Addressing EPR): the class's resource URI and its
 * key properties as selectors. What a method's REF parameter takes and a job's REF output gives.
 */
public record WmiReference(String resourceUri, Map<String, String> selectors) {

    public WmiReference {
        selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
    }

    /** The EPR as the content of a parameter element (prefixes {@code a} and {@code w} are the envelope's). */
    public String toXml() {
        StringBuilder out = new StringBuilder("<a:Address>").append(WsmanXml.ANONYMOUS)
                .append("</a:Address><a:ReferenceParameters><w:ResourceURI>")
                .append(WsmanXml.escape(resourceUri)).append("</w:ResourceURI>");
        out.append(selectorSet(selectors));
        return out.append("</a:ReferenceParameters>").toString();
    }

    /** {@code <w:SelectorSet>} of the selectors (empty text for none). */
    static String selectorSet(Map<String, String> selectors) {
        if (selectors.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<w:SelectorSet>");
        selectors.forEach((name, value) -> out.append("<w:Selector Name=\"").append(WsmanXml.escape(name))
                .append("\">").append(WsmanXml.escape(value)).append("</w:Selector>"));
        return out.append("</w:SelectorSet>").toString();
    }

    /** Reads an EPR element (its {@code a:ReferenceParameters}); null when it has none. */
    public static WmiReference of(Element epr) {
        Element params = WsmanXml.child(epr, WsmanXml.ADDRESSING, "ReferenceParameters");
        if (params == null) {
            return null;
        }
        String uri = WsmanXml.childText(params, WsmanXml.WSMAN, "ResourceURI");
        Map<String, String> selectors = new LinkedHashMap<>();
        Element set = WsmanXml.child(params, WsmanXml.WSMAN, "SelectorSet");
        if (set != null) {
            for (Element s : WsmanXml.children(set)) {
                selectors.put(s.getAttribute("Name"), s.getTextContent().trim());
            }
        }
        return new WmiReference(uri == null ? "" : uri, selectors);
    }
}
