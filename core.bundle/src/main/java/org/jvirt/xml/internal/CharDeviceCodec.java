package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.CharTarget;
import org.jvirt.api.xml.CharTargetBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <serial>}, {@code <console>}, {@code <channel>}, {@code <parallel>} (virDomainChrDefParseXML). */
final class CharDeviceCodec {
    private static final String[] TARGET_ATTRS = {"type", "address", "name", "state", "port"};

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
        // the live XML's tty='...' repeats the pty path: read back, it is the source's (libvirt ignores it)
        n.attr("tty");
        Node target = n.child("target");
        return CharDevice.builder().elementName(n.name()).type(type).source(source).log(log(n))
                .target(target == null ? null : target(target)).info(DeviceInfoCodec.parse(n)).other(n.rest())
                .build();
    }

    private static CharDevice.Log log(Node n) throws VirtException {
        Node log = Leaf.known(n, "log", "file", "append");
        if (log == null) {
            return null;
        }
        String file = log.attr("file");
        if (file == null) {
            throw XmlErrors.xml("missing file attribute in <log>");
        }
        String append = log.attr("append");
        if (append != null && !append.equals("on") && !append.equals("off")) {
            throw XmlErrors.xml("Invalid value for attribute 'append' in element 'log': '" + append
                    + "'. Expected one of 'on', 'off'");
        }
        return new CharDevice.Log(file, append);
    }

    private static CharTarget target(Node t) throws VirtException {
        String state = t.attr("state");
        if (state != null && !state.equals("connected") && !state.equals("disconnected")) {
            throw XmlErrors.xml("invalid channel state value '" + state + "'");
        }
        CharTargetBuilder b = CharTarget.builder().type(t.attr("type")).address(t.attr("address"))
                .name(t.attr("name")).state(state).port(port(t));
        b.modelName(Leaf.attr(t, "model", "name"));
        return b.other(t.rest()).build();
    }

    private static Integer port(Node t) throws VirtException {
        String v = t.attr("port");
        if (v == null) {
            return null;
        }
        Long p = Num.parse(v.trim(), 10);
        if (p == null || p < -1 || p > Integer.MAX_VALUE) {
            throw XmlErrors.xml("Invalid port number: " + v);
        }
        return (int) (long) p;
    }

    /**
     * The {@code tty} attribute libvirt keeps on the first console of a running guest for old
     * clients (virDomainChrDefFormat's tty_compat): the pty's path.
     */
    private static String ttyCompat(CharDevice d, boolean inactive) {
        boolean firstConsole = "console".equals(d.elementName())
                && (d.target() == null || d.target().port() == null || d.target().port() == 0);
        if (inactive || !firstConsole || !"pty".equals(d.type()) || d.source() == null) {
            return null;
        }
        return d.source().path();
    }

    static XmlElement format(CharDevice d, boolean inactive) {
        Out o = new Out(d.elementName()).attr("type", d.type()).attr("tty", ttyCompat(d, inactive));
        if (d.source() != null) {
            o.children(CharSourceCodec.format(d.type(), d.source(), inactive));
        }
        if (d.log() != null) {
            o.child(new Out("log").attr("file", d.log().file()).attr("append", d.log().append()));
        }
        CharTarget t = d.target();
        if (t != null) {
            Out target = new Out("target").attrOrder(TARGET_ATTRS).attr("type", t.type()).attr("address", t.address())
                    .attr("name", t.name()).attr("state", t.state()).attr("port", t.port());
            if (t.modelName() != null) {
                target.child(new Out("model").attr("name", t.modelName()));
            }
            o.child(target.preserved(t.other()));
        }
        o.children(DeviceInfoCodec.format(d.info()));
        return o.preserved(d.other()).build();
    }
}
