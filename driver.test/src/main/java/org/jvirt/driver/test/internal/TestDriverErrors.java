package org.jvirt.driver.test.internal;

import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The errors libvirt's test driver raises, with its codes, error domains and messages (checked
 * against libvirt 9.0's {@code virsh -c test:///default} and python3-libvirt).
 */
final class TestDriverErrors {
    private TestDriverErrors() {
    }

    /** {@code virCheckFlags}: flags outside {@code allowed} are refused, naming the C function. */
    static void checkFlags(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw invalidArgRaw(ErrorDomain.TEST,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }

    /**
     * {@code virReportInvalidArg}: INVALID_ARG whose message is the text alone, without the
     * "invalid argument: " that {@code virReportError} puts in front.
     */
    static VirtException invalidArgRaw(ErrorDomain domain, String message) {
        return new VirtException(ErrorCode.INVALID_ARG.number(), domain.number(), message);
    }

    /** A lookup by name, UUID or ID that found nothing: the bare "Domain not found". */
    static VirtException noDomain() {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, null);
    }

    /** A domain handle whose domain is gone ({@code testDomObjFromDomain}). */
    static VirtException noDomain(UUID uuid, String name) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                "no domain with matching uuid '" + uuid + "' (" + name + ")");
    }

    /** {@code virDomainObjCheckActive}. */
    static VirtException notRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
    }

    static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, detail);
    }

    static VirtException invalid(ErrorDomain domain, String detail) {
        return new VirtException(ErrorCode.OPERATION_INVALID, domain, detail);
    }

    static VirtException invalidArg(ErrorDomain domain, String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, domain, detail);
    }

    static VirtException failed(String detail) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, detail);
    }

    static VirtException xml(ErrorDomain domain, String detail) {
        return new VirtException(ErrorCode.XML_ERROR, domain, detail);
    }
}
