package org.jvirt.api.xml;

import java.util.BitSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's bitmap syntax for CPU and NUMA node sets ({@code 0-3,^2,8}), as {@code virBitmapParse}
 * reads it and {@code virBitmapFormat} writes it. The one implementation every bundle uses.
 *
 * @param bits the set bits; a copy is kept
 */
public record Bitmap(BitSet bits) {
    /** libvirt's {@code VIR_DOMAIN_CPUMASK_LEN}: the largest bitmap a definition may hold. */
    public static final int MAX_BITS = 16384;

    public Bitmap {
        bits = (BitSet) bits.clone();
    }

    @Override
    public BitSet bits() {
        return (BitSet) bits.clone();
    }

    /**
     * Parses a list of numbers, ranges {@code a-b} and exclusions {@code ^n}.
     *
     * @throws VirtException {@link ErrorCode#INVALID_ARG} "Failed to parse bitmap 'TEXT'" as libvirt
     */
    public static Bitmap parse(String text) throws VirtException {
        if (text == null || text.isBlank()) {
            throw malformed(text);
        }
        BitSet set = new BitSet();
        BitSet excluded = new BitSet();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = blankTrim(parts[i]);
            if (part.isEmpty() && i == parts.length - 1 && i > 0) {
                break;   // libvirt takes one trailing comma ("1,"), not an empty item anywhere else
            }
            boolean exclude = part.startsWith("^");
            if (exclude) {
                part = part.substring(1);   // libvirt wants the number right after ^
            }
            int dash = part.indexOf('-');
            int from;
            int to;
            try {
                from = number(dash > 0 ? blankTrim(part.substring(0, dash)) : part);
                to = dash > 0 ? number(blankTrim(part.substring(dash + 1))) : from;
            } catch (NumberFormatException e) {
                throw malformed(text);
            }
            // libvirt excludes single numbers only
            if (from < 0 || to < from || to >= MAX_BITS || (exclude && dash > 0)) {
                throw malformed(text);
            }
            (exclude ? excluded : set).set(from, to + 1);
        }
        set.andNot(excluded);
        return new Bitmap(set);
    }

    /**
     * A number as libvirt reads one: ASCII digits only (Integer.parseInt would also take a sign
     * and other scripts' digits).
     */
    private static int number(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(digits);
        }
        return Integer.parseInt(digits);
    }

    /**
     * Without the blanks libvirt skips (C's isspace); unlike {@link String#trim()}, which drops
     * every control character, a NUL or an escape stays and makes the text malformed.
     */
    private static String blankTrim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Ranges of two or more as {@code a-b}, single bits alone, comma-separated; {@code ""} when empty. */
    public static String format(BitSet set) {
        StringBuilder b = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(i);
            if (end > i) {
                b.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return b.toString();
    }

    /** This bitmap in libvirt's syntax. */
    public String format() {
        return format(bits);
    }

    private static VirtException malformed(String text) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                "Failed to parse bitmap '" + text + "'");
    }
}
