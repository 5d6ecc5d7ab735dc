package org.jvirt.xml.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt-style errors of the domain XML parser. */
final class XmlErrors {
    private XmlErrors() {
    }

    /** {@code XML error: <detail>} (VIR_ERR_XML_ERROR). */
    static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, detail);
    }

    /** A message without prefix (VIR_ERR_XML_DETAIL). */
    static VirtException detail(String message) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, message);
    }

    /** {@code internal error: <detail>} (VIR_ERR_INTERNAL_ERROR), which libvirt's validation often uses. */
    static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, detail);
    }

    /** {@code invalid argument: <detail>} (VIR_ERR_INVALID_ARG). */
    static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, detail);
    }

    /** {@code unsupported configuration: <detail>} (VIR_ERR_CONFIG_UNSUPPORTED). */
    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, detail);
    }
}
