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

    /** {@code invalid argument: name in virDomainLookupByName must not be NULL}. */
    static void notNull(Object value, String arg, String function, ErrorDomain domain) throws VirtException {
        if (value == null) {
            throw invalid(arg + " in " + function + " must not be NULL", domain);
        }
    }

    /** {@code invalid argument: id in virDomainLookupByID must be zero or greater}. */
    static void nonNegative(long value, String arg, String function, ErrorDomain domain) throws VirtException {
        if (value < 0) {
            throw invalid(arg + " in " + function + " must be zero or greater", domain);
        }
    }

    /** libvirt's {@code VIR_EXCLUSIVE_FLAGS}: two flags that must not be set together. */
    static void exclusive(int flags, int a, String aName, int b, String bName) throws VirtException {
        if ((flags & a) != 0 && (flags & b) != 0) {
            throw invalid("Flags '" + aName + "' and '" + bName + "' are mutually exclusive", ErrorDomain.DOMAIN);
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

    static VirtException invalid(String message, ErrorDomain domain) {
        return new VirtException(ErrorCode.INVALID_ARG, domain, message);
    }

    /** libvirt's entry point for a call with or without flags: {@code virDomainDestroy} / {@code virDomainDestroyFlags}. */
    static String function(int flags, String plain, String withFlags) {
        return flags == 0 ? plain : withFlags;
    }
}
