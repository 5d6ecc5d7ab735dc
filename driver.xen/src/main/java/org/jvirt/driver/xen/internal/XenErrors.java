package org.jvirt.driver.xen.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors libvirt's libxl driver and its xen config code raise, with their codes and domains. */
final class XenErrors {
    private XenErrors() {
    }

    /** {@code virCheckFlags}. */
    static void checkFlags(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LIBXL,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }

    static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.LIBXL, detail);
    }

    static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LIBXL, detail);
    }

    /** The xen config parsers and formatters report in libvirt's XENXL domain. */
    static VirtException conf(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XENXL, detail);
    }

    static VirtException confUnsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.XENXL, detail);
    }

    static VirtException confInvalid(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.XENXL, detail);
    }
}
