package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.XmlElement;

/** {@code <serial>}, {@code <console>}, {@code <channel>}, {@code <parallel>} (virDomainChrDefParseXML). */
final class CharDeviceCodec {
    private CharDeviceCodec() {
    }

    static CharDevice parse(Node n) throws VirtException {
        String type = n.attr("type");
        if (type == null) {
            type = "pty";
        }
        CharSource source = null;
        if (CharSourceCodec.models(type)) {
            // libvirt generates the socket path of xen and virtio channels
            XmlElement target = n.element().child("target");
            String targetType = target == null ? null : target.attribute("type");
            boolean generatedPath = n.name().equals("channel")
                    && ("virtio".equals(targetType) || "xen".equals(targetType));
            source = CharSourceCodec.parse(n, type, generatedPath);
        }
        Node target = n.child("target");
        return CharDevice.builder().elementName(n.name()).type(type).source(source)
                .target(target == null ? null : target.element()).info(DeviceInfoCodec.parse(n)).other(n.rest())
                .build();
    }

    static XmlElement format(CharDevice d, boolean inactive) {
        Out o = new Out(d.elementName()).attr("type", d.type());
        if (d.source() != null) {
            o.children(CharSourceCodec.format(d.type(), d.source(), inactive));
        }
        o.child(d.target());
        o.children(DeviceInfoCodec.format(d.info()));
        return o.preserved(d.other()).build();
    }
}
