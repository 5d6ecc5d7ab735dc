package org.jvirt.rpc.internal.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jvirt.rpc.internal.differential.ArgsEncoder.Slot;

/**
 * The systematic mutations of a well-formed payload, each named after what it changes: every
 * optional marker and int word set to 2, 0x01000000 (a little-endian 1) and 0xFFFFFFFF; enums one
 * past their last value and -1; lengths at their bound, over it, 0xFFFFFFFF and one past the data;
 * non-zero padding; truncation before every field and by one byte; trailing bytes.
 */
final class Mutations {
    private static final int[] WORDS = {2, 0x01000000, 0xffffffff};

    private Mutations() {
    }

    /** Mutation name to payload, in a stable order. */
    static Map<String, byte[]> of(byte[] payload, List<Slot> slots) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        TreeMap<Integer, String> cuts = new TreeMap<>();   // offset -> the outermost field starting there
        for (Slot s : slots) {
            switch (s.kind()) {
                case MARKER -> {
                    for (int w : WORDS) {
                        out.put(s.path() + ".marker=" + hex(w), word(payload, s.offset(), w));
                    }
                    if (readWord(payload, s.offset()) != 0) {
                        out.put(s.path() + ".marker=0", word(payload, s.offset(), 0));
                    }
                }
                case INT -> {
                    for (int w : WORDS) {
                        out.put(s.path() + "=" + hex(w), word(payload, s.offset(), w));
                    }
                }
                case ENUM -> {
                    out.put(s.path() + "=last+1", word(payload, s.offset(), (int) s.bound() + 1));
                    out.put(s.path() + "=-1", word(payload, s.offset(), -1));
                }
                case LENGTH -> lengths(out, payload, s);
                case PADDING -> {
                    byte[] b = payload.clone();
                    Arrays.fill(b, s.offset(), s.offset() + (int) s.bound(), (byte) 0xa5);
                    out.put(s.path() + ".padding=a5", b);
                }
                case FIELD -> cuts.putIfAbsent(s.offset(), s.path());
            }
        }
        cuts.forEach((cut, path) -> {
            if (cut < payload.length) {
                out.put("truncated-before-" + path, Arrays.copyOf(payload, cut));
            }
        });
        if (payload.length > 0) {
            out.put("truncated-1", Arrays.copyOf(payload, payload.length - 1));
        }
        out.put("trailing+4", Arrays.copyOf(payload, payload.length + 4));
        out.put("trailing+1", Arrays.copyOf(payload, payload.length + 1));
        return out;
    }

    private static void lengths(Map<String, byte[]> out, byte[] payload, Slot s) {
        int actual = readWord(payload, s.offset());
        List<Long> values = new ArrayList<>(List.of(s.bound(), s.bound() + 1, 0xffffffffL, actual + 1L));
        if (actual > 0) {
            values.add(actual - 1L);
        }
        for (long v : new TreeSet<>(values)) {
            if (v != actual && v <= 0xffffffffL) {
                String name = v == s.bound() ? "max" : v == s.bound() + 1 ? "max+1"
                        : v == 0xffffffffL ? hex(-1) : v == actual + 1L ? "len+1" : "len-1";
                out.put(s.path() + ".length=" + name, word(payload, s.offset(), (int) v));
            }
        }
    }

    private static String hex(int w) {
        return "0x" + String.format("%08x", w);
    }

    private static int readWord(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    private static byte[] word(byte[] payload, int off, int w) {
        byte[] b = payload.clone();
        b[off] = (byte) (w >>> 24);
        b[off + 1] = (byte) (w >>> 16);
        b[off + 2] = (byte) (w >>> 8);
        b[off + 3] = (byte) w;
        return b;
    }
}
