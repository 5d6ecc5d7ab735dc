package org.jvirt.network.internal.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef.Bridge;
import org.jvirt.network.internal.conf.NetworkDef.Forward;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkDef.Nat;

/** The {@code <forward>} element and the checks that tie the mode to the rest: libvirt's virNetworkForwardDefParseXML. */
final class ForwardXmlParser {
    private ForwardXmlParser() {
    }

    static Forward parse(String network, XmlElement node) throws VirtException {
        String modeText = node.attribute("mode");
        Mode mode = Mode.NAT;
        if (modeText != null) {
            try {
                mode = Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                mode = null;
            }
            if (mode == null || !modeText.equals(modeText.toLowerCase(Locale.ROOT))) {
                throw ConfErrors.unsupported("unknown forwarding type '" + modeText + "'");
            }
        }
        boolean managed = "yes".equals(node.attribute("managed"));
        XmlElement driverNode = node.child("driver");
        String driver = driverNode == null ? null : driverNode.attribute("name");
        if (driver != null && !driver.equals("kvm") && !driver.equals("vfio")) {
            throw ConfErrors.unsupported("Unknown forward <driver name='" + driver + "'/> in network " + network);
        }
        List<XmlElement> natNodes = node.children("nat");
        Nat nat = null;
        if (natNodes.size() > 1) {
            throw ConfErrors.xml("Only one <nat> element is allowed in <forward> of network " + network);
        }
        if (natNodes.size() == 1) {
            nat = nat(network, mode, natNodes.get(0));
        }
        List<XmlElement> addrs = node.children("address");
        List<XmlElement> pfs = node.children("pf");
        String dev = node.attribute("dev");
        if (dev != null && (!addrs.isEmpty() || !pfs.isEmpty())) {
            throw ConfErrors.xml("the <forward> 'dev' attribute cannot be used when <address> or <pf> sub-elements"
                    + " are present in network %s");
        }
        List<String> devs = new ArrayList<>();
        if (dev != null) {
            devs.add(dev);
        }
        List<XmlElement> ifs = node.children("interface");
        for (int i = 0; i < ifs.size(); i++) {
            String d = ifs.get(i).attribute("dev");
            if (d == null) {
                throw ConfErrors.xml("Missing required dev attribute in <forward> <interface> element of network "
                        + network);
            }
            if (i == 0 && dev != null) {
                if (!d.equals(dev)) {
                    throw ConfErrors.xml("<forward dev='" + dev + "'> must match first <interface dev='" + d
                            + "'/> in network " + network);
                }
                continue;
            }
            if (devs.contains(d)) {
                throw ConfErrors.xml("interface '" + d + "' can only be listed once in network " + network);
            }
            devs.add(d);
        }
        List<XmlElement> pci = new ArrayList<>();
        if (devs.isEmpty()) {
            List<String> seen = new ArrayList<>();
            for (XmlElement a : addrs) {
                String type = a.attribute("type");
                if (type == null) {
                    throw ConfErrors.xml("missing address type in network " + network);
                }
                if (!type.equals("pci")) {
                    throw ConfErrors.unsupported("unknown address type '" + type + "' in network " + network);
                }
                String key = pciText(a);
                if (seen.contains(key)) {
                    throw ConfErrors.xml("PCI device '" + key + "' can only be listed once in network " + network);
                }
                seen.add(key);
                pci.add(a);
            }
        }
        if (pfs.size() > 1) {
            throw ConfErrors.xml("Only one <pf> element is allowed in <forward> of network " + network);
        }
        String pf = null;
        if (pfs.size() == 1) {
            pf = pfs.get(0).attribute("dev");
            if (pf == null) {
                throw ConfErrors.xml("Missing required dev attribute in <pf> element of network '" + network + "'");
            }
        }
        return new Forward(mode, devs, pci, pf, managed, driver, nat);
    }

    private static String pciText(XmlElement a) {
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", hex(a.attribute("domain")), hex(a.attribute("bus")),
                hex(a.attribute("slot")), hex(a.attribute("function")));
    }

    private static int hex(String s) {
        if (s == null) {
            return 0;
        }
        String t = s.startsWith("0x") ? s.substring(2) : s;
        try {
            return Integer.parseInt(t, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Nat nat(String network, Mode mode, XmlElement node) throws VirtException {
        if (mode != Mode.NAT) {
            throw ConfErrors.xml("The <nat> element can only be used when <forward> 'mode' is 'nat' in network "
                    + network);
        }
        String ipv6 = ConfErrors.yesNo(node.attribute("ipv6"), "ipv6", "nat");
        List<XmlElement> addrs = node.children("address");
        if (addrs.size() > 1) {
            throw ConfErrors.xml("Only one <address> element is allowed in <nat> in <forward> in network " + network);
        }
        Ip start = null;
        Ip end = null;
        if (addrs.size() == 1) {
            String s = addrs.get(0).attribute("start");
            if (s == null) {
                throw ConfErrors.xml("missing 'start' attribute in <address> element in <nat> in <forward> in network "
                        + network);
            }
            String e = addrs.get(0).attribute("end");
            if (e == null) {
                throw ConfErrors.xml("missing 'end' attribute in <address> element in <nat> in <forward> in network "
                        + network);
            }
            start = Ip.parse(s);
            if (start == null || !start.isV4()) {
                throw ConfErrors.xml("Bad ipv4 start address '" + s + "' in <nat> in <forward> in network " + network);
            }
            end = Ip.parse(e);
            if (end == null || !end.isV4()) {
                throw ConfErrors.xml("Bad ipv4 end address '" + e + "' in <nat> in <forward> in network " + network);
            }
            IpXmlParser.rangeSize(start, end, null, 0);
        }
        List<XmlElement> ports = node.children("port");
        if (ports.size() > 1) {
            throw ConfErrors.xml("Only one <port> element is allowed in <nat> in <forward> in network " + network);
        }
        int portStart = 0;
        int portEnd = 0;
        if (ports.size() == 1) {
            portStart = port(ports.get(0).attribute("start"), "start", network);
            portEnd = port(ports.get(0).attribute("end"), "end", network);
        }
        return new Nat(start, end, portStart, portEnd, ipv6);
    }

    private static int port(String text, String attr, String network) throws VirtException {
        try {
            int v = Integer.parseInt(text == null ? "" : text.trim());
            if (v < 0 || v > 65535) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ConfErrors.detail("Missing or invalid '" + attr + "' attribute in <port> in <nat> in <forward> in"
                    + " network " + network);
        }
    }

    /** The checks of virNetworkDefParseXML that need the forward mode. */
    static void validate(String network, Forward f, Bridge bridge, String stpText, List<IpDef> ips, int mtu)
            throws VirtException {
        String mode = f.mode().xmlName();
        switch (f.mode()) {
            case NONE -> {
            }
            case ROUTE, NAT, OPEN -> {
                if (ips.isEmpty()) {
                    throw ConfErrors.xml(mode + " forwarding requested, but no IP address provided for network '"
                            + network + "'");
                }
                if (f.devs().size() > 1) {
                    throw ConfErrors.xml("multiple forwarding interfaces specified for network '" + network
                            + "', only one is supported");
                }
                if (f.mode() == Mode.OPEN && !f.devs().isEmpty()) {
                    throw ConfErrors.xml("forward dev not allowed for network '" + network + "' with forward mode='"
                            + mode + "'");
                }
            }
            default -> {
                if (f.mode() != Mode.BRIDGE && bridge != null) {
                    if (bridge.name() != null) {
                        throw ConfErrors.xml("bridge name not allowed in " + mode + " mode (network '" + network
                                + "')");
                    }
                    if (bridge.zone() != null) {
                        throw ConfErrors.xml("bridge zone not allowed in " + mode + " mode (network '" + network
                                + "')");
                    }
                    if (bridge.macTableManager() != null) {
                        throw ConfErrors.xml("bridge macTableManager setting not allowed in " + mode
                                + " mode (network '" + network + "')");
                    }
                }
                if (bridge != null && (bridge.delay() != 0 || stpText != null || bridge.zone() != null)) {
                    throw ConfErrors.xml("bridge delay/stp/zone options only allowed in route, nat, and isolated mode,"
                            + " not in " + mode + " (network '" + network + "')");
                }
                if (bridge != null && bridge.name() != null && (!f.devs().isEmpty() || f.pf() != null)) {
                    throw ConfErrors.xml("A network with forward mode='" + mode + "' can specify a bridge name or a"
                            + " forward dev, but not both (network '" + network + "')");
                }
            }
        }
        if (mtu != 0 && !f.mode().hasOwnBridge()) {
            throw ConfErrors.xml("mtu size only allowed in open, route, nat, and isolated mode, not in " + mode
                    + " (network '" + network + "')");
        }
    }
}
