package org.jvirt.driver.esx.internal.vi;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors of libvirt's ESX driver: its code, in libvirt's ESX error domain. */
public final class ViErrors {
    private ViErrors() {
    }

    public static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, detail);
    }

    public static VirtException internal(String detail, Throwable cause) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, detail, cause);
    }

    public static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, detail);
    }

    public static VirtException of(ErrorCode code, String detail) {
        return new VirtException(code, ErrorDomain.ESX, detail);
    }

    /** {@code virCheckFlags}. */
    public static void checkFlags(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }

    /**
     * An HTTP status other than 200 and 500 (libvirt: {@code VIR_ERR_HTTP_ERROR}, which jvirt's
     * error codes lack so far: reported as an internal error with libvirt's message).
     */
    public static VirtException http(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, detail);
    }
}
