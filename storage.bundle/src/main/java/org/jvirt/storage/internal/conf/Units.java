package org.jvirt.storage.internal.conf;

import java.math.BigInteger;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt's scaled sizes ({@code virScaleInteger}, {@code virStorageSize}): a number with an optional unit. */
public final class Units {
    /** off_t is signed: no file is larger than 2^63 - 1 bytes (libvirt's limit for sizes). */
    public static final long MAX = Long.MAX_VALUE;

    private Units() {
    }

    /** {@code virStorageSize}: {@code value} in {@code unit} (null: bytes) as bytes, at most {@link #MAX}. */
    public static long size(String unit, String value) throws VirtException {
        BigInteger v;
        try {
            v = new BigInteger(value.trim());
        } catch (NumberFormatException e) {
            throw Xml.xmlError("malformed capacity element");
        }
        if (v.signum() < 0 || v.bitLength() > 64) {
            throw Xml.xmlError("malformed capacity element");
        }
        return scale(v, unit, MAX);
    }

    /** {@code virScaleInteger}: {@code value * unit}, refused above {@code limit}. */
    public static long scale(BigInteger value, String unit, long limit) throws VirtException {
        long scale = scaleOf(unit);
        BigInteger result = value.multiply(BigInteger.valueOf(scale));
        if (result.compareTo(BigInteger.valueOf(limit)) > 0) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.STORAGE,
                    "value too large: " + value + (unit == null ? "" : unit));
        }
        return result.longValueExact();
    }

    /** The multiplier of a libvirt unit suffix; null or "" is bytes. */
    public static long scaleOf(String unit) throws VirtException {
        if (unit == null || unit.isEmpty()) {
            return 1;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw unknown(unit);
        }
        long base;
        String rest = u.substring(1);
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            throw unknown(unit);
        }
        long scale = 1;
        for (int i = 0; i < power; i++) {
            scale *= base;
        }
        return scale;
    }

    private static VirtException unknown(String unit) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "unknown suffix '" + unit + "'");
    }
}
