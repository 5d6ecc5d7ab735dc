package org.jvirt.driver.lxc.internal;

import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors libvirt's LXC driver raises, with its codes, error domain and messages. */
final class LxcErrors {
    private LxcErrors() {
    }

    static void checkFlags(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LXC,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }

    /** {@code lxcDomObjFromDomain}: the handle's domain is gone. */
    static VirtException noDomain(UUID uuid, String name) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.LXC,
                "no domain with matching uuid '" + uuid + "' (" + name + ")");
    }

    static VirtException noDomain(String detail) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.LXC, detail);
    }

    /** {@code virDomainObjCheckActive}. */
    static VirtException notRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
    }

    static VirtException invalid(String detail) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.LXC, detail);
    }

    static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.LXC, detail);
    }

    static VirtException internal(String detail, Throwable cause) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.LXC, detail, cause);
    }

    static VirtException failed(String detail) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.LXC, detail);
    }

    static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LXC, detail);
    }

    /** CONFIG_UNSUPPORTED: "unsupported configuration: ...". */
    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LXC, detail);
    }

    static VirtException system(String detail) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.LXC, detail);
    }

    /** libvirt reports what went wrong inside a starting container as "guest failed to start: ...". */
    static VirtException startFailed(String detail) {
        return internal("guest failed to start: " + detail);
    }
}
