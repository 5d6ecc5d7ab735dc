package org.jvirt.driver.xen.internal;

import java.util.List;

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

    /**
     * An xl call that failed: libvirt's message for the operation, then libxl's error lines (each
     * names the libxl function that failed), or xl's own message when libxl said nothing, and the
     * xl command with its exit status.
     */
    static VirtException libxl(String failure, Xl.Result r) {
        List<String> libxl = r.libxlErrors();
        String detail;
        if (!libxl.isEmpty()) {
            detail = "libxl: " + String.join("; ", libxl);
        } else {
            detail = r.err().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("Failed to read config file: /etc/xen/xl.conf"))
                    .reduce((a, b) -> b).orElse("no message");
        }
        List<String> args = r.command().subList(1, r.command().size());
        return internal(failure + ": " + detail + " (xl " + String.join(" ", args) + ": exit status " + r.rc() + ")");
    }

    /** libvirt's {@code libxlDomObjFromDomain}: the domain went away since it was looked up. */
    static VirtException noDomain(XenDomain dom) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.LIBXL,
                "no domain with matching uuid '" + dom.uuid() + "' (" + dom.name() + ")");
    }

    static VirtException operationInvalid(String detail) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.LIBXL, detail);
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
