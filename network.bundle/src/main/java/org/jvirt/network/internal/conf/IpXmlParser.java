package org.jvirt.network.internal.conf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef.DhcpHost;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Lease;
import org.jvirt.network.internal.conf.NetworkDef.Range;

/** An {@code <ip>} element and its DHCP: libvirt's virNetworkIPDefParseXML and virNetworkDHCPDefParseXML. */
final class IpXmlParser {
    private IpXmlParser() {
    }

    static IpDef parse(String network, XmlElement node) throws VirtException {
        String family = node.attribute("family");
        String address = node.attribute("address");
        if (address == null) {
            throw ConfErrors.xml("Missing required address attribute in network '" + network + "'");
        }
        Ip addr = Ip.parse(address);
        if (addr == null) {
            throw ConfErrors.xml("Invalid address '" + address + "' in network '" + network + "'");
        }
        String netmaskText = node.attribute("netmask");
        Ip netmask = null;
        if (netmaskText != null) {
            netmask = Ip.parse(netmaskText);
            if (netmask == null) {
                throw ConfErrors.xml("Invalid netmask '" + netmaskText + "' in network '" + network + "'");
            }
        }
        int prefix = 0;
        String prefixText = node.attribute("prefix");
        if (prefixText != null) {
            prefix = unsigned(prefixText, "prefix", "ip");
        }
        String localPtr = ConfErrors.yesNo(node.attribute("localPtr"), "localPtr", "ip");
        if (family == null || family.equals("ipv4")) {
            if (!addr.isV4()) {
                throw ConfErrors.unsupported((family == null ? "no" : "ipv4") + " family specified for non-IPv4 address '"
                        + address + "' in network '" + network + "'");
            }
            if (netmask != null) {
                if (!netmask.isV4()) {
                    throw ConfErrors.unsupported("Invalid netmask '" + netmaskText + "' for address '" + address
                            + "' in network '" + network + "' (both must be IPv4)");
                }
                if (prefix > 0) {
                    throw ConfErrors.unsupported("Network '" + network
                            + "' IP address cannot have both a prefix and a netmask");
                }
            } else if (prefix > 32) {
                throw ConfErrors.unsupported("Invalid IPv4 prefix '" + prefix + "' in network '" + network + "'");
            }
        } else if (family.equals("ipv6")) {
            if (!addr.isV6()) {
                throw ConfErrors.unsupported("Family 'ipv6' specified for non-IPv6 address '" + address
                        + "' in network '" + network + "'");
            }
            if (netmask != null) {
                throw ConfErrors.unsupported("netmask not allowed for IPv6 address '" + address + "' in network '"
                        + network + "'");
            }
            if (prefix > 128) {
                throw ConfErrors.unsupported("Invalid IPv6 prefix '" + prefix + "' in network '" + network + "'");
            }
        } else {
            throw ConfErrors.xml("Unrecognized family '" + family + "' in network '" + network + "'");
        }
        IpDef partial = new IpDef(family, addr, netmask, prefix, localPtr, null, List.of(), List.of(), null, null);
        XmlElement dhcp = node.child("dhcp");
        List<Range> ranges = new ArrayList<>();
        List<DhcpHost> hosts = new ArrayList<>();
        String bootFile = null;
        Ip bootServer = null;
        if (dhcp != null) {
            for (XmlElement c : dhcp.children()) {
                switch (c.name()) {
                    case "range" -> ranges.add(range(network, partial, c));
                    case "host" -> hosts.add(host(network, partial, c, false));
                    case "bootp" -> {
                        if (addr.isV4() && c.attribute("file") != null) {
                            bootFile = c.attribute("file");
                            String server = c.attribute("server");
                            bootServer = server == null ? null : ConfErrors.address(server);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        String tftp = null;
        XmlElement tftpNode = node.child("tftp");
        if (tftpNode != null) {
            if (!addr.isV4()) {
                throw ConfErrors.unsupported("Unsupported <tftp> element in an IPv6 element in network '" + network
                        + "'");
            }
            tftp = tftpNode.attribute("root");
        }
        return new IpDef(family, addr, netmask, prefix, localPtr, tftp, ranges, hosts, bootFile, bootServer);
    }

    static Range range(String network, IpDef ip, XmlElement node) throws VirtException {
        String start = node.attribute("start");
        if (start == null) {
            throw ConfErrors.xml("Missing 'start' attribute in dhcp range for network '" + network + "'");
        }
        Ip s = ConfErrors.address(start);
        String end = node.attribute("end");
        if (end == null) {
            throw ConfErrors.xml("Missing 'end' attribute in dhcp range for network '" + network + "'");
        }
        Ip e = ConfErrors.address(end);
        rangeSize(s, e, ip.address(), ip.effectivePrefix());
        XmlElement lease = node.child("lease");
        return new Range(s, e, lease == null ? null : lease(lease));
    }

    /** libvirt's virSocketAddrGetRange: the number of addresses, or its error for a bad range. */
    static int rangeSize(Ip start, Ip end, Ip network, int prefix) throws VirtException {
        String range = start.format() + " - " + end.format();
        if (start.isV4() != end.isV4()) {
            throw ConfErrors.unsupported("start and end of IP address range " + range
                    + " are not the same address family");
        }
        if (network != null && (start.isV4() != network.isV4() || !start.masked(prefix).equals(network.masked(prefix))
                || !end.masked(prefix).equals(network.masked(prefix)))) {
            throw ConfErrors.unsupported("range " + range + " is not entirely within network "
                    + network.format() + "/" + prefix);
        }
        BigInteger size = end.value().subtract(start.value()).add(BigInteger.ONE);
        if (size.signum() <= 0) {
            throw ConfErrors.unsupported("range " + range + " is reversed ");
        }
        if (start.isV6() && size.compareTo(BigInteger.valueOf(65535)) > 0) {
            throw ConfErrors.unsupported("range " + range + " is too large (> 65535)");
        }
        return size.intValue();
    }

    static DhcpHost host(String network, IpDef ip, XmlElement node, boolean partialOkay) throws VirtException {
        String mac = node.attribute("mac");
        if (mac != null) {
            if (ip.address().isV6()) {
                throw ConfErrors.xml("Invalid to specify MAC address '" + mac + "' in network '" + network
                        + "' IPv6 static host definition");
            }
            String parsed = Mac.parse(mac);
            if (parsed == null) {
                throw ConfErrors.xml("Cannot parse MAC address '" + mac + "' in network '" + network + "'");
            }
            if (Mac.isMulticast(parsed)) {
                throw ConfErrors.xml("expected unicast mac address, found multicast '" + mac + "' in network '"
                        + network + "'");
            }
        }
        String id = node.attribute("id");
        if (id != null) {
            for (char c : id.toCharArray()) {
                if (Character.digit(c, 16) < 0 && c != ':') {
                    throw ConfErrors.xml("Invalid character '" + c + "' in id '" + id + "' of network '" + network
                            + "'");
                }
            }
        }
        String name = node.attribute("name");
        if (name != null && (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) || name.charAt(0) > 127)) {
            throw ConfErrors.xml("Cannot use host name '" + name + "' in network '" + network + "'");
        }
        String ipText = node.attribute("ip");
        Ip addr = null;
        if (ipText != null) {
            addr = Ip.parse(ipText);
            if (addr == null) {
                throw ConfErrors.xml("Invalid IP address in static host definition for network '" + network + "'");
            }
        }
        if (partialOkay) {
            if (mac == null && name == null && ipText == null) {
                throw ConfErrors.xml("At least one of name, mac, or ip attribute must be specified for static host"
                        + " definition in network '" + network + "' ");
            }
        } else {
            if (ip.address().isV6()) {
                if (id == null && name == null) {
                    throw ConfErrors.xml("Static host definition in IPv6 network '" + network
                            + "' must have id or name attribute");
                }
            } else if (mac == null && name == null) {
                throw ConfErrors.xml("Static host definition in IPv4 network '" + network
                        + "' must have mac or name attribute");
            }
            if (ipText == null) {
                throw ConfErrors.xml("Missing IP address in static host definition for network '" + network + "'");
            }
        }
        XmlElement lease = node.child("lease");
        return new DhcpHost(mac, id, name, addr, lease == null ? null : lease(lease));
    }

    static Lease lease(XmlElement node) throws VirtException {
        String expiryText = node.attribute("expiry");
        if (expiryText == null) {
            return null;
        }
        long expiry;
        try {
            expiry = Long.parseUnsignedLong(expiryText.trim());
        } catch (NumberFormatException e) {
            throw ConfErrors.xml("Invalid value for attribute 'expiry' in element 'lease': '" + expiryText
                    + "'. Expected non-negative integer value");
        }
        String unit = node.attribute("unit");
        if (unit == null) {
            unit = "minutes";
        } else if (!List.of("seconds", "minutes", "hours").contains(unit)) {
            throw ConfErrors.xml("Invalid value for attribute 'unit' in element 'lease': '" + unit + "'");
        }
        if (expiry > 0 && (unit.equals("seconds") && expiry < 120 || unit.equals("minutes") && expiry < 2)) {
            throw ConfErrors.unsupported("The minimum lease time should be greater than 2 minutes");
        }
        return new Lease(expiry, unit);
    }

    static int unsigned(String text, String attr, String element) throws VirtException {
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0 || v > 0xffffffffL) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw ConfErrors.xml("Invalid value for attribute '" + attr + "' in element '" + element + "': '" + text
                    + "'. Expected non-negative integer value");
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
