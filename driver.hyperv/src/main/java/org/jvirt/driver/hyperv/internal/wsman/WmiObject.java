package org.jvirt.driver.hyperv.internal.wsman;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * One WMI instance as WinRM serializes it: an element named after the class, one child per
 * property (repeated for arrays, {@code xsi:nil} for null). Values stay text: the driver reads the
 * few it needs with the type the class's MOF gives them.
 *
 * @param className  the element's local name, e.g. {@code Msvm_ComputerSystem}
 * @param properties property name to values (empty list: null)
 */
public record WmiObject(String className, Map<String, List<String>> properties) {

    public WmiObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Reads an instance element (an item of Enumerate/Pull, the body of a Get answer). */
    public static WmiObject of(Element instance) {
        Map<String, List<String>> props = new LinkedHashMap<>();
        for (Element p : WsmanXml.children(instance)) {
            List<String> values = props.computeIfAbsent(p.getLocalName(), k -> new ArrayList<>());
            if (!WsmanXml.isNil(p)) {
                values.add(p.getTextContent());
            }
        }
        return new WmiObject(instance.getLocalName(), props);
    }

    /** The property's (first) value, or null when absent or null. */
    public String string(String name) {
        List<String> values = properties.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The property as an integer (uint16/32/64), or {@code fallback} when absent, null or not a number. */
    public long number(String name, long fallback) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Every value of an array property (empty when absent or null). */
    public List<String> strings(String name) {
        List<String> values = properties.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }
}
