package org.jvirt.driver.qemu.internal;

import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The errors libvirt's QEMU driver raises, from the API calls down to post-parse and the command
 * line, with its codes, error domains and messages.
 */
public final class QemuErrors {
    private QemuErrors() {
    }

    public static void checkFlags(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }

    /** {@code qemuDomainObjFromDomain}: the handle's domain is gone. */
    public static VirtException noDomain(UUID uuid, String name) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                "no domain with matching uuid '" + uuid + "' (" + name + ")");
    }

    public static VirtException noDomain(String detail) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, detail);
    }

    /** {@code virDomainObjCheckActive}. */
    public static VirtException notRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
    }

    /** OPERATION_INVALID raised by libvirt's domain_conf helpers (error domain DOMAIN). */
    public static VirtException invalidDomain(String detail) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, detail);
    }

    public static VirtException invalid(String detail) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, detail);
    }

    public static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, detail);
    }

    public static VirtException internal(String detail, Throwable cause) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, detail, cause);
    }

    public static VirtException failed(String detail) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, detail);
    }

    public static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, detail);
    }

    /** CONFIG_UNSUPPORTED: "unsupported configuration: ...". */
    public static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }

    /** XML_ERROR: a definition the driver cannot use as written. */
    public static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU, detail);
    }

    public static VirtException system(String detail) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, detail);
    }

    /** libvirt's answer when vCPU thread ids are unusable (error 55). */
    public static VirtException affinityUnsupported() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "cpu affinity is not supported");
    }
}
