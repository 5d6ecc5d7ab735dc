package org.jvirt.network.internal.conf;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.Pci;
import org.jvirt.network.internal.conf.NetworkPortDef.Plug;
import org.jvirt.network.internal.conf.NetworkPortDef.PlugType;
import org.jvirt.network.internal.conf.NetworkPortDef.Rate;

/**
 * Network port XML to {@link NetworkPortDef} and back: libvirt 9.0's virNetworkPortDefParseXML and
 * virNetworkPortDefFormatBuf (virnetworkportdef.c), with their messages.
 */
public final class NetworkPortXml {
    private static final List<String> MAC_TABLE_MANAGERS = List.of("kernel", "libvirt");
    /** virNetDevMacVLanMode; the first is the default. */
    private static final List<String> DIRECT_MODES = List.of("vepa", "private", "bridge", "passthrough");
    /** virNetworkForwardDriverName without "default", which a port may not name. */
    private static final List<String> DRIVERS = List.of("kvm", "vfio");

    private final DomainXmlCodec reader;

    public NetworkPortXml(DomainXmlCodec reader) {
        this.reader = reader;
    }

    public NetworkPortDef parse(String xml) throws VirtException {
        XmlElement root = reader.readXml(xml, "(networkport_definition)", ErrorDomain.NETWORK);
        if (!root.name().equals("networkport")) {
            throw ConfErrors.xml("unknown root element for network port");
        }
        return parse(root);
    }

    static NetworkPortDef parse(XmlElement root) throws VirtException {
        UUID uuid = uuid(childText(root, "uuid"), "network port has no uuid");
        XmlElement owner = root.child("owner");
        String ownerName = owner == null ? null : childText(owner, "name");
        if (ownerName == null) {
            throw ConfErrors.internal("network port has no owner name");
        }
        UUID ownerUuid = uuid(childText(owner, "uuid"), "network port has no owner UUID");
        String group = childText(root, "group");
        XmlElement macNode = root.child("mac");
        String macText = macNode == null ? null : macNode.attribute("address");
        if (macText == null) {
            throw ConfErrors.internal("network port has no mac");
        }
        String mac = Mac.parse(macText);
        if (mac == null) {
            throw ConfErrors.internal("Unable to parse MAC '" + macText + "'");
        }
        XmlElement bw = root.child("bandwidth");
        Bandwidth bandwidth = bw == null ? null : BandwidthXml.parse(bw);
        XmlElement port = root.child("port");
        String isolated = port == null ? null : ConfErrors.yesNo(port.attribute("isolated"), "isolated", "port");
        XmlElement rx = root.child("rxfilters");
        String trust = rx == null ? null : ConfErrors.yesNo(rx.attribute("trustGuest"), "trustGuest", "rxfilters");
        return new NetworkPortDef(uuid, ownerName, ownerUuid, group, mac, root.child("virtualport"), bandwidth,
                root.child("vlan"), isolated, trust, plug(root.child("plug")));
    }

    private static Plug plug(XmlElement node) throws VirtException {
        String typeName = node == null ? null : node.attribute("type");
        if (typeName == null) {
            return Plug.NONE;
        }
        PlugType type = PlugType.of(typeName);
        if (type == null) {
            throw ConfErrors.xml("Invalid value for attribute 'type' in element 'plug': '" + typeName + "'.");
        }
        switch (type) {
            case NETWORK, BRIDGE -> {
                String bridge = node.attribute("bridge");
                if (bridge == null) {
                    throw ConfErrors.xml("Missing network port bridge name");
                }
                String mgr = node.attribute("macTableManager");
                if (mgr != null && !MAC_TABLE_MANAGERS.contains(mgr)) {
                    throw ConfErrors.xml("Invalid macTableManager setting '" + mgr + "' in network port");
                }
                return Plug.bridge(type, bridge, mgr);
            }
            case DIRECT -> {
                String dev = node.attribute("dev");
                if (dev == null) {
                    throw ConfErrors.xml("Missing network port link device name");
                }
                String mode = node.attribute("mode");
                if (mode != null && !DIRECT_MODES.contains(mode)) {
                    throw ConfErrors.xml("Invalid mode setting '" + mode + "' in network port");
                }
                return new Plug(type, null, null, dev, mode == null ? DIRECT_MODES.get(0) : mode, null, null, null);
            }
            case HOSTDEV_PCI -> {
                String managed = ConfErrors.yesNo(node.attribute("managed"), "managed", "plug");
                XmlElement driverNode = node.child("driver");
                String driver = driverNode == null ? null : driverNode.attribute("name");
                if (driver != null && !DRIVERS.contains(driver)) {
                    throw ConfErrors.xml("Missing network port driver name");
                }
                XmlElement address = node.child("address");
                if (address == null) {
                    throw ConfErrors.xml("Missing network port PCI address");
                }
                return new Plug(type, null, null, null, null, managed, driver, pci(address));
            }
            default -> {
                return Plug.NONE;
            }
        }
    }

    /** libvirt's virPCIDeviceAddressParseXML: each part a number in C's notation (0x hex, 0 octal). */
    private static Pci pci(XmlElement a) throws VirtException {
        return new Pci(pciPart(a, "domain"), pciPart(a, "bus"), pciPart(a, "slot"), pciPart(a, "function"));
    }

    private static int pciPart(XmlElement a, String name) throws VirtException {
        String v = a.attribute(name);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.decode(v.strip());
        } catch (NumberFormatException e) {
            throw ConfErrors.internal("Cannot parse <address> '" + name + "' attribute");
        }
    }

    private static UUID uuid(String text, String missing) throws VirtException {
        if (text == null) {
            throw ConfErrors.internal(missing);
        }
        UUID uuid = NetworkXmlParser.parseUuid(text);
        if (uuid == null) {
            throw ConfErrors.internal("Unable to parse UUID '" + text + "'");
        }
        return uuid;
    }

    private static String childText(XmlElement parent, String name) {
        XmlElement c = parent.child(name);
        return c == null ? null : (c.text() == null ? "" : c.text());
    }

    /** libvirt's virNetworkPortDefFormat. */
    public static String format(NetworkPortDef def) {
        XmlOut out = new XmlOut();
        out.line("<networkport>");
        out.in();
        out.line("<uuid>" + def.uuid() + "</uuid>");
        out.line("<owner>");
        out.in();
        out.line("<name>" + XmlOut.esc(def.ownerName()) + "</name>");
        out.line("<uuid>" + def.ownerUuid() + "</uuid>");
        out.out();
        out.line("</owner>");
        if (def.group() != null) {
            out.line("<group>" + XmlOut.esc(def.group()) + "</group>");
        }
        out.line("<mac address='" + def.mac() + "'/>");
        out.verbatim(def.virtualport());
        BandwidthXml.format(out, def.bandwidth());
        out.verbatim(def.vlan());
        if (def.isolatedPort() != null) {
            out.line("<port isolated='" + def.isolatedPort() + "'/>");
        }
        if (def.trustGuest() != null) {
            out.line("<rxfilters trustGuest='" + def.trustGuest() + "'/>");
        }
        formatPlug(out, def.plug());
        out.out();
        out.line("</networkport>");
        return out.toString();
    }

    private static void formatPlug(XmlOut out, Plug plug) {
        String open = "<plug type='" + plug.type().xmlName() + "'";
        switch (plug.type()) {
            case NONE -> { }
            case NETWORK, BRIDGE -> out.line(open + XmlOut.attr("bridge", plug.bridge())
                    + XmlOut.attr("macTableManager", plug.macTableManager()) + "/>");
            case DIRECT -> out.line(open + XmlOut.attr("dev", plug.dev()) + XmlOut.attr("mode", plug.mode()) + "/>");
            case HOSTDEV_PCI -> {
                out.line(open + XmlOut.attr("managed", plug.managed()) + ">");
                out.in();
                if (plug.driver() != null) {
                    out.line("<driver name='" + plug.driver() + "'/>");
                }
                out.line(plug.pci().format());
                out.out();
                out.line("</plug>");
            }
            default -> throw new IllegalStateException(plug.type().toString());
        }
    }
}
