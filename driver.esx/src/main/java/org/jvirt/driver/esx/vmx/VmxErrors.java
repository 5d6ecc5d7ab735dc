package org.jvirt.driver.esx.vmx;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The errors of libvirt's vmx.c, which reports in no error domain of its own (VIR_FROM_NONE). */
final class VmxErrors {
    private VmxErrors() {
    }

    static VirtException internal(String message) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, message);
    }

    static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE, message);
    }

    /** virConfError: the syntax errors of the VMX text, as libvirt's config reader words them. */
    static VirtException syntax(int line, String message) {
        return new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF, "memory conf:" + line + ": " + message);
    }
}
