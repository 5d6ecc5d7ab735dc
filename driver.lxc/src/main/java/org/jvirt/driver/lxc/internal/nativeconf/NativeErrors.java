package org.jvirt.driver.lxc.internal.nativeconf;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors of libvirt's lxc_native.c, in the LXC error domain with its codes and wording. */
final class NativeErrors {
    private NativeErrors() {
    }

    static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.LXC, detail);
    }

    static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LXC, detail);
    }

    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LXC, detail);
    }

    static VirtException argumentUnsupported(String detail) {
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.LXC, detail);
    }

    /**
     * Where lxc_native.c fails without reporting (a missing name or rootfs, a bad fstab line or
     * network key), libvirt's public API reports its generic message.
     */
    static VirtException unknownCause() {
        return internal("An error occurred, but the cause is unknown");
    }

    /** lxcConvertSize: a byte count with an optional virScaleInteger unit suffix. */
    static long convertSize(String size) throws VirtException {
        int i = 0;
        while (i < size.length() && Character.isDigit(size.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw internal("failed to convert size: '" + size + "'");
        }
        String unit = size.substring(i);
        if (unit.equals("%")) {
            throw internal("can't convert relative size: '" + size + "'");
        }
        long scale = scale(unit);
        if (scale < 0) {
            throw internal("failed to convert size: '" + size + "'");
        }
        try {
            return Math.multiplyExact(Long.parseLong(size.substring(0, i)), scale);
        } catch (NumberFormatException | ArithmeticException e) {
            throw internal("failed to convert size: '" + size + "'");
        }
    }

    /** The multiplier of a unit suffix, or -1 when virScaleInteger does not know it. */
    private static long scale(String unit) {
        if (unit.isEmpty()) {
            return 1;
        }
        String u = unit.toLowerCase();
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        String rest = u.substring(1);
        long base = rest.isEmpty() || rest.equals("ib") ? 1024 : rest.equals("b") ? 1000 : -1;
        if (power == 0 || base < 0) {
            return -1;
        }
        long v = 1;
        for (int p = 0; p < power; p++) {
            v = Math.multiplyExact(v, base);
        }
        return v;
    }
}
