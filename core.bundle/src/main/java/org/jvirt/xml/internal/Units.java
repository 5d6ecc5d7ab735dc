package org.jvirt.xml.internal;

import java.util.Locale;

import org.jvirt.api.VirtException;

/** libvirt's scaled integers (virScaleInteger): memory sizes with a unit, normalised to KiB. */
final class Units {
    private Units() {
    }

    /** {@code value} in {@code unit} (KiB when null) as KiB, rounded up as libvirt does. */
    static long toKib(String element, String value, String unit) throws VirtException {
        long number;
        try {
            number = Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw XmlErrors.xml("Invalid value '" + value + "' for element or attribute '" + element + "'");
        }
        long scale = scale(element, unit);
        long bytes;
        try {
            bytes = Math.multiplyExact(number, scale);
        } catch (ArithmeticException e) {
            throw XmlErrors.xml("value too large for element or attribute '" + element + "'");
        }
        return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    }

    /** {@code value} in {@code unit} (bytes when null) as bytes (virDomainParseScaledValue with scale 1). */
    static long toBytes(String element, String value, String unit) throws VirtException {
        long number;
        try {
            number = Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw XmlErrors.xml("Invalid value '" + value + "' for element or attribute '" + element + "'");
        }
        try {
            return Math.multiplyExact(number, unit == null || unit.isEmpty() ? 1 : scale(element, unit));
        } catch (ArithmeticException e) {
            throw XmlErrors.xml("value too large for element or attribute '" + element + "'");
        }
    }

    private static long scale(String element, String unit) throws VirtException {
        if (unit == null || unit.isEmpty()) {
            return 1024;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw XmlErrors.xml("unknown suffix '" + unit + "'");
        }
        long base;
        String tail = unit.substring(1);
        if (tail.isEmpty() || tail.equals("iB")) {
            base = 1024;
        } else if (tail.equals("B")) {
            base = 1000;
        } else {
            throw XmlErrors.xml("unknown suffix '" + unit + "'");
        }
        long s = 1;
        for (int i = 0; i < power; i++) {
            s *= base;
        }
        return s;
    }
}
