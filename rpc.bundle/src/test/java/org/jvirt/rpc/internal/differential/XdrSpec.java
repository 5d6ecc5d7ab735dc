package org.jvirt.rpc.internal.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations of an rpcgen {@code .x} file (libvirt's {@code remote_protocol.x}), read well
 * enough to build a procedure's arguments from its {@code remote_<proc>_args} struct: constants,
 * enums, typedefs, structs and unions (their arms by discriminant value; a default arm is not read).
 */
final class XdrSpec {
    /** How a field is declared: {@code plain}, {@code *} (optional), {@code <max>} or {@code [n]}. */
    enum Shape { PLAIN, OPTIONAL, VARIABLE, FIXED }

    /** One declaration: {@code type name}, with its shape and bound (-1 for an unbounded {@code <>}). */
    record Decl(String type, String name, Shape shape, long bound) {
    }

    private final Map<String, Long> constants = new HashMap<>();
    private final Map<String, Decl> typedefs = new HashMap<>();
    private final Map<String, List<Decl>> structs = new HashMap<>();
    private final Map<String, Map<String, Long>> enums = new HashMap<>();
    private final Map<String, Map<Long, Decl>> unions = new HashMap<>();
    private final Map<String, String> discriminants = new HashMap<>();

    static XdrSpec read(Path... files) throws IOException {
        XdrSpec spec = new XdrSpec();
        for (Path f : files) {
            spec.parse(Files.readString(f));
        }
        return spec;
    }

    private static final Pattern CONST = Pattern.compile("const\\s+(\\w+)\\s*=\\s*([-\\w]+)\\s*;");
    private static final Pattern TYPEDEF = Pattern.compile("typedef\\s+([^;]+);");
    private static final Pattern BLOCK = Pattern.compile("(struct|enum)\\s+(\\w+)\\s*\\{([^}]*)\\}\\s*;");
    private static final Pattern UNION = Pattern.compile(
            "union\\s+(\\w+)\\s+switch\\s*\\(\\s*(?:unsigned\\s+)?\\w+\\s+(\\w+)\\s*\\)\\s*\\{([^}]*)\\}\\s*;");
    private static final Pattern ARM = Pattern.compile("case\\s+(\\w+)\\s*:\\s*([^;]+);");
    private static final Pattern DECL = Pattern.compile(
            "((?:unsigned\\s+)?\\w+)\\s*(\\*)?\\s*(\\w+)\\s*(?:<\\s*(\\w*)\\s*>|\\[\\s*(\\w+)\\s*\\])?");

    private void parse(String text) {
        String src = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^%.*$", " ");
        Matcher m = CONST.matcher(src);
        while (m.find()) {
            constants.put(m.group(1), value(m.group(2)));
        }
        m = BLOCK.matcher(src);
        while (m.find()) {
            if (m.group(1).equals("enum")) {
                Map<String, Long> values = new LinkedHashMap<>();
                long next = 0;
                for (String item : m.group(3).split(",")) {
                    String[] kv = item.trim().split("\\s*=\\s*");
                    if (kv[0].isEmpty()) {
                        continue;
                    }
                    next = kv.length > 1 ? value(kv[1]) : next;
                    values.put(kv[0], next);
                    constants.put(kv[0], next);
                    next++;
                }
                enums.put(m.group(2), values);
            } else {
                List<Decl> fields = new ArrayList<>();
                for (String d : m.group(3).split(";")) {
                    if (!d.isBlank()) {
                        fields.add(decl(d));
                    }
                }
                structs.put(m.group(2), fields);
            }
        }
        m = UNION.matcher(src);
        while (m.find()) {
            Map<Long, Decl> arms = new LinkedHashMap<>();
            Matcher arm = ARM.matcher(m.group(3));
            while (arm.find()) {
                arms.put(value(arm.group(1)), decl(arm.group(2)));
            }
            unions.put(m.group(1), arms);
            discriminants.put(m.group(1), m.group(2));
        }
        m = TYPEDEF.matcher(src);
        while (m.find()) {
            Decl d = decl(m.group(1));
            typedefs.put(d.name(), d);
        }
    }

    private Decl decl(String text) {
        Matcher m = DECL.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read declaration '" + text.trim() + "'");
        }
        String type = m.group(1).replaceAll("\\s+", " ");
        if (m.group(2) != null) {
            return new Decl(type, m.group(3), Shape.OPTIONAL, 0);
        }
        if (m.group(4) != null) {
            return new Decl(type, m.group(3), Shape.VARIABLE, m.group(4).isEmpty() ? -1 : value(m.group(4)));
        }
        if (m.group(5) != null) {
            return new Decl(type, m.group(3), Shape.FIXED, value(m.group(5)));
        }
        return new Decl(type, m.group(3), Shape.PLAIN, 0);
    }

    /** A number, or a constant defined earlier; libvirt's C macros (VIR_UUID_BUFLEN) by their values. */
    long value(String token) {
        if (token.matches("-?\\d+")) {
            return Long.parseLong(token);
        }
        if (token.startsWith("0x")) {
            return Long.parseLong(token.substring(2), 16);
        }
        Long v = constants.get(token);
        if (v != null) {
            return v;
        }
        return switch (token) {
            case "VIR_UUID_BUFLEN" -> 16;
            case "VIR_SECURITY_MODEL_BUFLEN" -> 257;
            case "VIR_SECURITY_LABEL_BUFLEN" -> 4097;
            case "VIR_SECURITY_DOI_BUFLEN" -> 257;
            // virTypedParameterType, the arms of remote_typed_param_value
            case "VIR_TYPED_PARAM_INT" -> 1;
            case "VIR_TYPED_PARAM_UINT" -> 2;
            case "VIR_TYPED_PARAM_LLONG" -> 3;
            case "VIR_TYPED_PARAM_ULLONG" -> 4;
            case "VIR_TYPED_PARAM_DOUBLE" -> 5;
            case "VIR_TYPED_PARAM_BOOLEAN" -> 6;
            case "VIR_TYPED_PARAM_STRING" -> 7;
            default -> -2;   // a macro from a C header this reader does not know
        };
    }

    Decl typedef(String name) {
        return typedefs.get(name);
    }

    List<Decl> struct(String name) {
        return structs.get(name);
    }

    /** The arms of union {@code name} by discriminant value, or null when there is no such union. */
    Map<Long, Decl> union(String name) {
        return unions.get(name);
    }

    /** The name of union {@code name}'s discriminant. */
    String discriminant(String name) {
        return discriminants.get(name);
    }

    boolean isEnum(String name) {
        return enums.containsKey(name);
    }

    /** The largest value of enum {@code name}. */
    long enumMax(String name) {
        return enums.get(name).values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The values of {@code enumName} whose names start with {@code prefix}, by name. */
    Map<String, Long> enumValues(String enumName) {
        return enums.get(enumName);
    }
}
