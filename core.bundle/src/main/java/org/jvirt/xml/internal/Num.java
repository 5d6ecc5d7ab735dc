package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;

/**
 * Numeric attributes, parsed once in the codec with libvirt's virXMLProp* wording, so that
 * drivers read typed values and never parse strings themselves.
 */
final class Num {
    private Num() {
    }

    /** virXMLPropUInt: an unsigned int in {@code base} (0: C prefixes, 16: hex with optional 0x). */
    static Integer uint(Node n, String attr, int base) throws VirtException {
        String v = n.attr(attr);
        if (v == null) {
            return null;
        }
        Long l = parse(v, base);
        if (l == null || l < 0 || l > 0xFFFF_FFFFL) {
            throw invalid(n, attr, v, "Expected non-negative integer value");
        }
        return (int) (long) l;
    }

    /** {@link #uint(Node, String, int)} in base 10. */
    static Integer uint(Node n, String attr) throws VirtException {
        return uint(n, attr, 10);
    }

    /** virXMLPropInt: a signed int in base 10. */
    static Integer sint(Node n, String attr) throws VirtException {
        String v = n.attr(attr);
        if (v == null) {
            return null;
        }
        Long l = parse(v, 10);
        if (l == null || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw invalid(n, attr, v, "Expected integer value");
        }
        return (int) (long) l;
    }

    /** virXMLPropInt with VIR_XML_PROP_NONNEGATIVE. */
    static Integer nonNegative(Node n, String attr) throws VirtException {
        Integer i = sint(n, attr);
        if (i != null && i < 0) {
            throw invalid(n, attr, n.element().attribute(attr), "Expected non-negative value");
        }
        return i;
    }

    /** virXMLPropULongLong: an unsigned long in {@code base}. */
    static Long ulong(Node n, String attr, int base) throws VirtException {
        String v = n.attr(attr);
        if (v == null) {
            return null;
        }
        Long l = parse(v, base);
        if (l == null || l < 0) {
            throw invalid(n, attr, v, "Expected non-negative integer value");
        }
        return l;
    }

    private static VirtException invalid(Node n, String attr, String value, String expected) {
        return XmlErrors.xml("Invalid value for attribute '" + attr + "' in element '" + n.name() + "': '"
                + value + "'. " + expected);
    }

    /** strtoll-like parsing as virStrToLong_* does it; null when the text is not a number. */
    static Long parse(String text, int base) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = base;
        if ((base == 0 || base == 16) && (s.startsWith("0x") || s.startsWith("0X"))) {
            s = s.substring(2);
            radix = 16;
        } else if (base == 0) {
            radix = s.length() > 1 && s.startsWith("0") ? 8 : 10;
        }
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            return null;
        }
        try {
            long v = Long.parseLong(s, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
