package org.jvirt.core.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The argument checks of libvirt's public entry points ({@code virCheckNonNullArgGoto} and
 * friends), with libvirt's messages, so every driver gets them for free.
 */
final class Checks {

    private Checks() {
    }

    /** {@code name in virDomainLookupByName must not be NULL}. */
    static void notNull(Object value, String arg, String function, ErrorDomain domain) throws VirtException {
        if (value == null) {
            throw invalidArg(arg + " in " + function + " must not be NULL", domain);
        }
    }

    /** {@code id in virDomainLookupByID must be zero or greater}. */
    static void nonNegative(long value, String arg, String function, ErrorDomain domain) throws VirtException {
        if (value < 0) {
            throw invalidArg(arg + " in " + function + " must be zero or greater", domain);
        }
    }

    /** libvirt's {@code VIR_EXCLUSIVE_FLAGS}: two flags that must not be set together. */
    static void exclusive(int flags, int a, String aName, int b, String bName) throws VirtException {
        exclusive(flags, a, aName, b, bName, ErrorDomain.DOMAIN);
    }

    static void exclusive(int flags, int a, String aName, int b, String bName, ErrorDomain domain)
            throws VirtException {
        if ((flags & a) != 0 && (flags & b) != 0) {
            throw invalidArg("Flags '" + aName + "' and '" + bName + "' are mutually exclusive", domain);
        }
    }

    /** libvirt's {@code VIR_REQUIRE_FLAG}: {@code flag} only together with {@code required}. */
    static void requires(int flags, int flag, String flagName, int required, String requiredName, ErrorDomain domain)
            throws VirtException {
        if ((flags & flag) != 0 && (flags & required) == 0) {
            throw invalidArg("Flag '" + requiredName + "' is required by flag '" + flagName + "'", domain);
        }
    }

    /** {@code operation forbidden: read only access prevents virDomainCreate}. */
    static VirtException readOnly(String function, ErrorDomain domain) {
        return new VirtException(ErrorCode.OPERATION_DENIED, domain, "read only access prevents " + function);
    }

    /** {@code invalid connection pointer in virConnectGetType}. */
    static VirtException closed(String function, ErrorDomain domain) {
        return new VirtException(ErrorCode.INVALID_CONN, domain, function);
    }

    /** {@code virReportError(VIR_ERR_INVALID_ARG, ...)}: "invalid argument: " and the message. */
    static VirtException invalid(String message, ErrorDomain domain) {
        return new VirtException(ErrorCode.INVALID_ARG, domain, message);
    }

    /**
     * {@code virReportInvalidArg} (behind {@code virCheckNonNullArg}, {@code virCheckNonNegativeArg},
     * {@code VIR_EXCLUSIVE_FLAGS}): INVALID_ARG with the bare message, as python3-libvirt shows
     * {@code id in virDomainLookupByID must be zero or greater}.
     */
    static VirtException invalidArg(String message, ErrorDomain domain) {
        return new VirtException(ErrorCode.INVALID_ARG.number(), domain.number(), message);
    }

    /** libvirt's entry point for a call with or without flags: {@code virDomainDestroy} / {@code virDomainDestroyFlags}. */
    static String function(int flags, String plain, String withFlags) {
        return flags == 0 ? plain : withFlags;
    }
}
