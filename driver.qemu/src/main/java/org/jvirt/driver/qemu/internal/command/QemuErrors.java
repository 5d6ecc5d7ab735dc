package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt-style errors of the QEMU post-parse and command line steps. */
final class QemuErrors {
    private QemuErrors() {
    }

    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }

    static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, detail);
    }

    static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU, detail);
    }
}
