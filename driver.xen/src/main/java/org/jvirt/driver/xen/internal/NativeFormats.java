package org.jvirt.driver.xen.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;

/**
 * {@code libxlConnectDomainXMLFromNative} and {@code ToNative}: domain XML to and from
 * {@code xen-xl} (xl.cfg) and {@code xen-xm} (the older xm format).
 */
final class NativeFormats {
    static final String XL = "xen-xl";
    static final String XM = "xen-xm";

    private final DomainXmlCodec codec;

    NativeFormats(DomainXmlCodec codec) {
        this.codec = codec;
    }

    /** The XML libvirt's driver answers: the inactive definition, without secrets. */
    String fromNative(String format, String config) throws VirtException {
        return codec.format(parseNative(format, config), DomainXmlCodec.FORMAT_INACTIVE);
    }

    /** xenParseXL / xenParseXM after virConfReadString, with the Xen driver's post-parse. */
    DomainDef parseNative(String format, String config) throws VirtException {
        if (!XL.equals(format) && !XM.equals(format)) {
            throw unsupportedType(format);
        }
        Conf conf = new Conf(ConfReader.read(config));
        Node dom = XL.equals(format) ? new XlReader().read(conf) : new XmReader().read(conf);
        XenDefaults.apply(dom);
        return codec.parse(dom.toElement(), DomainXmlCodec.PARSE_INACTIVE, GuestDefaults.NONE);
    }

    String toNative(String format, String xml) throws VirtException {
        if (!XL.equals(format) && !XM.equals(format)) {
            throw unsupportedType(format);
        }
        DomainDef def = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        return XL.equals(format) ? XlWriter.toNative().write(def) : new XmWriter().write(def);
    }

    private static VirtException unsupportedType(String format) {
        return XenErrors.invalidArg("unsupported config type " + format);
    }
}
