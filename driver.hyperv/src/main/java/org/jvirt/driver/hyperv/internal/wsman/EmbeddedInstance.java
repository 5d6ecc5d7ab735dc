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

    public String className() {
        return className;
    }

    String toCimXml() {
        StringBuilder out = new StringBuilder("<INSTANCE CLASSNAME=\"").append(WsmanXml.escape(className)).append("\">");
        for (String[] p : properties) {
            out.append("<PROPERTY NAME=\"").append(WsmanXml.escape(p[0])).append("\" TYPE=\"")
                    .append(WsmanXml.escape(p[1])).append("\"><VALUE>").append(WsmanXml.escape(p[2]))
                    .append("</VALUE></PROPERTY>");
        }
        return out.append("</INSTANCE>").toString();
    }
}
