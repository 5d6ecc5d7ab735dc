package org.jvirt.secret.internal.conf;

import java.util.UUID;

/**
 * libvirt's {@code virUUIDParse}: leading blanks, then 16 pairs of hex digits with any number of
 * {@code -} or spaces before each pair, then only blanks. {@link UUID#fromString} accepts other
 * spellings (short groups) and refuses some of these.
 */
public final class Uuids {

    private Uuids() {
    }

    /** The UUID {@code text} spells, or null when it is not one. */
    public static UUID parse(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        long hi = 0;
        long lo = 0;
        for (int pair = 0; pair < 16;) {
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            if (c == '-' || c == ' ') {
                i++;
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            int a = Character.digit(c, 16);
            int b = Character.digit(text.charAt(i + 1), 16);
            if (a < 0 || b < 0 || c > 0x7f || text.charAt(i + 1) > 0x7f) {
                return null;
            }
            if (pair < 8) {
                hi = hi << 8 | a << 4 | b;
            } else {
                lo = lo << 8 | a << 4 | b;
            }
            pair++;
            i += 2;
        }
        for (; i < n; i++) {
            if (!isSpace(text.charAt(i))) {
                return null;
            }
        }
        return new UUID(hi, lo);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
