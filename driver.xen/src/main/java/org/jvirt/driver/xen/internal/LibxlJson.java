package org.jvirt.driver.xen.internal;

import java.util.List;
import java.util.Map;

/** Writes a tree of maps, lists, strings, numbers and booleans as JSON (libxl's JSON form). */
final class LibxlJson {
    private LibxlJson() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, String indent) {
        if (v instanceof Map<?, ?> map) {
            sb.append("{");
            String inner = indent + "    ";
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "\n" : ",\n").append(inner);
                string(sb, e.getKey().toString());
                sb.append(": ");
                write(sb, e.getValue(), inner);
                first = false;
            }
            sb.append(first ? "\n" + inner + "\n" : "\n").append(indent).append("}");
        } else if (v instanceof List<?> list) {
            sb.append("[");
            String inner = indent + "    ";
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n").append(inner);
                write(sb, list.get(i), inner);
            }
            sb.append(list.isEmpty() ? "\n" + inner + "\n" : "\n").append(indent).append("]");
        } else if (v instanceof String s) {
            string(sb, s);
        } else {
            sb.append(v);
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
