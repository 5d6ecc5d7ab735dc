package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Xen configuration file as libvirt's virConf holds it: settings in order, each a number, a
 * string or a list. Setting a name again replaces the value in place (virConfSetValue), and the
 * text is written as virConfWriteMem does: {@code name = value} lines, strings in double quotes
 * (single quotes when they hold one, triple quotes for several lines or both quotes), lists as {@code [ a, b ]}.
 */
final class ConfText {
    private final Map<String, Object> values = new LinkedHashMap<>();

    void setInt(String name, long value) {
        values.put(name, value);
    }

    void setString(String name, String value) {
        values.put(name, value);
    }

    /** A list of strings or of nested lists; an empty list is not written (libvirt skips it). */
    void setList(String name, List<?> items) {
        if (!items.isEmpty()) {
            values.put(name, new ArrayList<>(items));
        }
    }

    Object get(String name) {
        return values.get(name);
    }

    String write() {
        StringBuilder sb = new StringBuilder();
        values.forEach((name, value) -> {
            sb.append(name).append(" = ");
            writeValue(sb, value);
            sb.append('\n');
        });
        return sb.toString();
    }

    private static void writeValue(StringBuilder sb, Object value) {
        if (value instanceof Long l) {
            sb.append(l);
        } else if (value instanceof String s) {
            if (s.indexOf('\n') >= 0) {
                sb.append("\"\"\"").append(s).append("\"\"\"");
            } else if (s.indexOf('"') < 0) {
                sb.append('"').append(s).append('"');
            } else if (s.indexOf('\'') < 0) {
                sb.append('\'').append(s).append('\'');
            } else {
                sb.append("\"\"\"").append(s).append("\"\"\"");
            }
        } else if (value instanceof List<?> list) {
            sb.append("[ ");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                writeValue(sb, list.get(i));
            }
            sb.append(" ]");
        }
    }
}
