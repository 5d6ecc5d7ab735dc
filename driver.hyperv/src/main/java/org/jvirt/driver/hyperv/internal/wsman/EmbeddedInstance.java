package org.jvirt.driver.hyperv.internal.wsman;

import java.util.ArrayList;
import java.util.List;

/**
 * An instance passed by value to a WMI method (an {@code EmbeddedInstance} string parameter such as
 * DefineSystem's {@code SystemSettings}), written in CIM-XML (DMTF DSP0201): only the properties
 * set here, each with its CIM type.
 */
public final class EmbeddedInstance {
    private final String className;
    private final List<String[]> properties = new ArrayList<>();

    public EmbeddedInstance(String className) {
        this.className = className;
    }

    /** A property of CIM type {@code type} ({@code string}, {@code uint16}, {@code uint64}, ...). */
    public EmbeddedInstance property(String name, String type, String value) {
        properties.add(new String[] {name, type, value});
        return this;
    }

    /**
     * A one-value array property ({@code string[]} such as HostResource or Connection): CIM-XML's
     * {@code PROPERTY.ARRAY} with a {@code VALUE.ARRAY}, as libvirt writes a property its class
     * information marks as an array.
     */
    public EmbeddedInstance arrayProperty(String name, String type, String value) {
        properties.add(new String[] {name, type, value, "array"});
        return this;
    }

    public String className() {
        return className;
    }

    String toCimXml() {
        StringBuilder out = new StringBuilder("<INSTANCE CLASSNAME=\"").append(WsmanXml.escape(className)).append("\">");
        for (String[] p : properties) {
            boolean array = p.length > 3;
            String element = array ? "PROPERTY.ARRAY" : "PROPERTY";
            out.append('<').append(element).append(" NAME=\"").append(WsmanXml.escape(p[0])).append("\" TYPE=\"")
                    .append(WsmanXml.escape(p[1])).append("\">").append(array ? "<VALUE.ARRAY>" : "")
                    .append("<VALUE>").append(WsmanXml.escape(p[2])).append("</VALUE>")
                    .append(array ? "</VALUE.ARRAY>" : "").append("</").append(element).append('>');
        }
        return out.append("</INSTANCE>").toString();
    }
}
