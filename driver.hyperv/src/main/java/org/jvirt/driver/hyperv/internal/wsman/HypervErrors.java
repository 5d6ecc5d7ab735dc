package org.jvirt.driver.hyperv.internal.wsman;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors of libvirt's Hyper-V driver: its code, in libvirt's Hyper-V error domain (43). */
public final class HypervErrors {
    private HypervErrors() {
    }

    public static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.HYPERV, detail);
    }

    public static VirtException internal(String detail, Throwable cause) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.HYPERV, detail, cause);
    }

    public static VirtException of(ErrorCode code, String detail) {
        return new VirtException(code, ErrorDomain.HYPERV, detail);
    }

    /** {@code virCheckFlags}. */
    public static void checkFlags(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.HYPERV,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }
}
