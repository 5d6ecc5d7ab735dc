package org.jvirt.driver.xen.internal;

import java.util.List;
import java.util.stream.Stream;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/** Lookups on a domain definition that the Xen config writers share. */
final class DefReader {
    private DefReader() {
    }

    static boolean hvm(DomainDef def) {
        return def.os() != null && "hvm".equals(def.os().type());
    }

    /** libvirt's tristate feature: on when the element is there and its state is not "off". */
    static boolean featureOn(DomainDef def, String name) {
        XmlElement e = feature(def, name);
        return e != null && !"off".equals(e.attribute("state"));
    }

    static boolean featureOff(DomainDef def, String name) {
        XmlElement e = feature(def, name);
        return e != null && "off".equals(e.attribute("state"));
    }

    static XmlElement feature(DomainDef def, String name) {
        Features f = def.features();
        if (f == null) {
            return null;
        }
        return f.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    static <T extends Device> List<T> devices(DomainDef def, Class<T> type) {
        return def.devices().all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<CharDevice> chars(DomainDef def, String element) {
        return def.devices().charDevices().stream().filter(c -> element.equals(c.elementName())).toList();
    }

    /**
     * An HVM guest's serial ports; without any, its console on a serial target is the first one
     * (libvirt's parser adds it, virDomainDefAddConsoleCompat; jvirt's codec keeps the XML as given).
     */
    static List<CharDevice> hvmSerials(DomainDef def) {
        List<CharDevice> serials = chars(def, "serial");
        if (!serials.isEmpty()) {
            return serials;
        }
        return chars(def, "console").stream().filter(c -> c.target() == null || c.target().type() == null
                || "serial".equals(c.target().type())).limit(1).toList();
    }

    /** The outbound average of an interface's {@code <bandwidth>} in KiB/s, or 0 when none is given. */
    static long outboundAverage(NetInterface n) {
        NetBandwidth bw = n.bandwidth();
        return bw == null || bw.outbound() == null ? 0 : bw.outbound().average();
    }

    static XmlElement child(Preserved p, String name) {
        return p.children().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    static String attribute(Preserved p, String name) {
        return p.attributes().stream().filter(a -> a.name().equals(name)).map(XmlAttribute::value)
                .findFirst().orElse(null);
    }

    static Stream<XmlElement> children(XmlElement e, String name) {
        return e == null ? Stream.empty() : e.children(name).stream();
    }
}
