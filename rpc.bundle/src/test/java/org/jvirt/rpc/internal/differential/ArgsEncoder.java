package org.jvirt.rpc.internal.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.rpc.internal.differential.XdrSpec.Decl;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Encodes a well-formed instance of an rpcgen type from the declarations, taking each leaf's value
 * from {@link Values}, and records where every word a decoder judges lies in the bytes: the
 * {@link Slot}s that {@link Mutations} then alter one at a time.
 */
final class ArgsEncoder {
    /** What a word of the encoding is, for a decoder. */
    enum Kind {
        /** an int or unsigned int (libvirt's "boolean" ints too: need_results, nil, autostart) */
        INT,
        /** an enum value */
        ENUM,
        /** the marker of an optional value (xdr_pointer's xdr_bool) */
        MARKER,
        /** the length of a variable-length string, opaque or array, with its bound */
        LENGTH,
        /** the padding bytes after string or opaque data (offset of the first, count in {@code bound}) */
        PADDING,
        /** where a field starts: a truncation point */
        FIELD
    }

    /** One judged place: its kind, byte offset in the payload, the field path, and a bound. */
    record Slot(Kind kind, int offset, String path, long bound) {
    }

    private final XdrSpec spec;
    private final Values values;
    private final XdrWriter out = new XdrWriter();
    private final List<Slot> slots = new ArrayList<>();

    ArgsEncoder(XdrSpec spec, Values values) {
        this.spec = spec;
        this.values = values;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    List<Slot> slots() {
        return slots;
    }

    /** Encodes struct {@code name} (its fields in order). */
    ArgsEncoder struct(String name, String path) {
        for (Decl d : spec.struct(name)) {
            decl(d, path.isEmpty() ? d.name() : path + "." + d.name());
        }
        return this;
    }

    private void decl(Decl d, String path) {
        slots.add(new Slot(Kind.FIELD, out.size(), path, 0));
        switch (d.shape()) {
            case OPTIONAL -> {
                boolean present = values.present(path);
                slots.add(new Slot(Kind.MARKER, out.size(), path, 0));
                out.writeInt(present ? 1 : 0);
                if (present) {
                    type(d.type(), path);
                }
            }
            case VARIABLE -> variable(d, path);
            case FIXED -> fixed(d, path);
            case PLAIN -> type(d.type(), path);
        }
    }

    private void type(String type, String path) {
        Decl td = spec.typedef(type);
        if (td != null) {
            decl(new Decl(td.type(), td.name(), td.shape(), td.bound()), path);
            return;
        }
        if (spec.struct(type) != null) {
            struct(type, path);
            return;
        }
        Map<Long, Decl> arms = spec.union(type);
        if (arms != null) {
            String discriminant = path + "." + spec.discriminant(type);
            long which = values.number(discriminant);
            Decl arm = arms.get(which);
            if (arm == null) {
                throw new IllegalArgumentException(discriminant + ": " + which + " is no arm of " + type);
            }
            slots.add(new Slot(Kind.INT, out.size(), discriminant, 0));
            out.writeInt((int) which);
            decl(arm, path + "." + arm.name());
            return;
        }
        if (spec.isEnum(type)) {
            slots.add(new Slot(Kind.ENUM, out.size(), path, spec.enumMax(type)));
            out.writeInt((int) values.number(path));
            return;
        }
        switch (type) {
            case "int", "unsigned int", "bool", "char", "unsigned char", "short", "unsigned short" -> {
                slots.add(new Slot(Kind.INT, out.size(), path, 0));
                out.writeInt((int) values.number(path));
            }
            case "hyper", "unsigned hyper" -> out.writeHyper(values.number(path));
            case "double" -> out.writeHyper(Double.doubleToLongBits(values.number(path)));
            default -> throw new IllegalArgumentException(path + ": type " + type + " is not known");
        }
    }

    private void variable(Decl d, String path) {
        long bound = d.bound() < 0 ? 0xffffffffL : d.bound();
        if (d.type().equals("string") || d.type().equals("opaque")) {
            byte[] data = d.type().equals("string") ? values.string(path).getBytes(StandardCharsets.UTF_8)
                    : values.opaque(path);
            slots.add(new Slot(Kind.LENGTH, out.size(), path, bound));
            out.writeInt(data.length);
            padded(data, path);
            return;
        }
        int n = values.count(path);
        slots.add(new Slot(Kind.LENGTH, out.size(), path, bound));
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            type(d.type(), path + "[" + i + "]");
        }
    }

    private void fixed(Decl d, String path) {
        if (d.type().equals("opaque")) {
            byte[] data = values.opaque(path);
            if (data.length != d.bound()) {
                throw new IllegalArgumentException(path + ": " + data.length + " bytes for opaque[" + d.bound() + "]");
            }
            padded(data, path);
            return;
        }
        for (int i = 0; i < d.bound(); i++) {
            type(d.type(), path + "[" + i + "]");
        }
    }

    private void padded(byte[] data, String path) {
        out.writeRaw(data);
        int pad = (4 - data.length % 4) % 4;
        if (pad > 0) {
            slots.add(new Slot(Kind.PADDING, out.size(), path, pad));
            out.writeRaw(new byte[pad]);
        }
    }

    /** The leaf values of a well-formed call, chosen by field path. */
    interface Values {
        boolean present(String path);

        long number(String path);

        String string(String path);

        byte[] opaque(String path);

        int count(String path);
    }
}
