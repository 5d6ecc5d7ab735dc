package org.jvirt.network.internal.conf;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt's errors of network_conf.c, in the error domain NETWORK. */
final class ConfErrors {
    private ConfErrors() {
    }

    static VirtException xml(String message) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, message);
    }

    static VirtException detail(String message) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.NETWORK, message);
    }

    static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, message);
    }

    static VirtException internal(String message) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, message);
    }

    /** libvirt's virXMLPropTristateBool: "yes"/"no" or absent. */
    static String yesNo(String value, String attr, String element) throws VirtException {
        if (value == null || value.equals("yes") || value.equals("no")) {
            return value;
        }
        throw xml("Invalid value for attribute '" + attr + "' in element '" + element + "': '" + value
                + "'. Expected one of: yes, no");
    }

    /** libvirt's virSocketAddrParse error for text that is not a numeric address. */
    static Ip address(String text) throws VirtException {
        Ip ip = Ip.parse(text);
        if (ip == null) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK,
                    "Cannot parse socket address '" + text + "': Name or service not known");
        }
        return ip;
    }
}
