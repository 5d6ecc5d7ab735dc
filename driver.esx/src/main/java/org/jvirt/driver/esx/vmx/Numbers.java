package org.jvirt.driver.esx.vmx;

/** libvirt's virStrToLong_* without an end pointer: the whole text is the number, base 10. */
final class Numbers {
    private Numbers() {
    }

    /** strtoll: leading blanks and a sign allowed, nothing after the digits; null when not a number. */
    static Long parseLong(String text) {
        String t = text.stripLeading();
        if (t.startsWith("+")) {
            t = t.substring(1);
            if (t.startsWith("-") || t.startsWith("+")) {
                return null;
            }
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** virStrToLong_ull: as strtoull, which also takes (and wraps) a minus sign; null when not a number. */
    static Long parseUnsigned(String text) {
        String t = text.stripLeading();
        boolean negative = t.startsWith("-");
        Long n = parseLong(negative ? t.substring(1) : t);
        if (n == null || n < 0) {
            return null;
        }
        return negative ? -n : n;
    }
}
