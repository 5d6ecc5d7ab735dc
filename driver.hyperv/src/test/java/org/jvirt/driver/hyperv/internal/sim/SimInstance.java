package org.jvirt.driver.hyperv.internal.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One WMI instance of the simulated host: its class and its properties in MOF order. A value is
 * text, a list of texts (an array) or null; WinRM writes each property as an element, arrays as
 * repeated elements and nulls as {@code xsi:nil="true"}.
 */
final class SimInstance {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    final String className;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    SimInstance(String className) {
        this.className = className;
    }

    SimInstance set(String name, Object value) {
        properties.put(name, value instanceof Number n ? n.toString() : value);
        return this;
    }

    String get(String name) {
        Object value = properties.get(name);
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.get(0).toString();
        }
        return (String) value;
    }

    long number(String name) {
        return Long.parseLong(get(name));
    }

    boolean has(String name) {
        return properties.containsKey(name);
    }

    /** The resource URI of the class, as WinRM maps WMI namespaces. */
    String resourceUri() {
        return WsmanSimulator.WMI + namespace() + "/" + className;
    }

    /** The WMI namespace of the class: root/cimv2 for Win32_*, else Hyper-V's. */
    String namespace() {
        return className.startsWith("Win32_") ? "root/cimv2" : "root/virtualization/v2";
    }

    String toXml() {
        StringBuilder out = new StringBuilder("<p:").append(className).append(" xmlns:p=\"").append(resourceUri())
                .append("\" xmlns:xsi=\"").append(XSI).append("\">");
        properties.forEach((name, value) -> {
            List<Object> values = new ArrayList<>();
            if (value instanceof List<?> list) {
                values.addAll(list);
            } else {
                values.add(value);
            }
            for (Object v : values) {
                if (v == null) {
                    out.append("<p:").append(name).append(" xsi:nil=\"true\"/>");
                } else {
                    out.append("<p:").append(name).append('>').append(SimXml.escape(v.toString()))
                            .append("</p:").append(name).append('>');
                }
            }
        });
        return out.append("</p:").append(className).append('>').toString();
    }
}
