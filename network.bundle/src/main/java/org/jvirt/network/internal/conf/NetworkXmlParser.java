package org.jvirt.network.internal.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef.Bridge;
import org.jvirt.network.internal.conf.NetworkDef.Dns;
import org.jvirt.network.internal.conf.NetworkDef.Forward;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;

/**
 * Network XML to {@link NetworkDef}: libvirt 9.0's virNetworkDefParseXML with its messages. The text
 * is read by the platform's one reader of untrusted XML (the codec's {@code readXml}).
 */
public final class NetworkXmlParser {
    /** The namespace of libvirt's dnsmasq options (networkDnsmasqXMLNamespace). */
    public static final String DNSMASQ_NS = "http://libvirt.org/schemas/network/dnsmasq/1.0";

    private final DomainXmlCodec reader;

    public NetworkXmlParser(DomainXmlCodec reader) {
        this.reader = reader;
    }

    public NetworkDef parse(String xml) throws VirtException {
        XmlElement root = reader.readXml(xml, "(network_definition)", ErrorDomain.NETWORK);
        if (!root.name().equals("network")) {
            // virXMLParse checks the root element, in the XML error domain
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'network', not '" + root.name() + "'");
        }
        return parse(root);
    }

    public NetworkDef parse(XmlElement root) throws VirtException {
        XmlElement nameNode = root.child("name");
        String name = nameNode == null ? null : text(nameNode);
        if (name == null) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.NETWORK, null);
        }
        if (name.contains("/")) {
            throw ConfErrors.detail("invalid char in name: /");
        }
        XmlElement uuidNode = root.child("uuid");
        UUID uuid = UUID.randomUUID();
        if (uuidNode != null) {
            uuid = parseUuid(text(uuidNode));
            if (uuid == null) {
                throw ConfErrors.internal("malformed uuid element");
            }
        }
        String ipv6 = root.attribute("ipv6");
        boolean ipv6nogw = false;
        if (ipv6 != null) {
            if (!ipv6.equals("yes") && !ipv6.equals("no")) {
                throw ConfErrors.xml("Invalid ipv6 setting '" + ipv6 + "' in network '" + name + "'");
            }
            ipv6nogw = ipv6.equals("yes");
        }
        String trust = ConfErrors.yesNo(root.attribute("trustGuestRxFilters"), "trustGuestRxFilters", "network");
        XmlElement domainNode = root.child("domain");
        String domain = domainNode == null ? null : domainNode.attribute("name");
        String localOnly = domainNode == null ? null
                : ConfErrors.yesNo(domainNode.attribute("localOnly"), "localOnly", "domain");
        XmlElement portNode = root.child("port");
        String isolated = portNode == null ? null
                : ConfErrors.yesNo(portNode.attribute("isolated"), "isolated", "port");

        XmlElement bridgeNode = root.child("bridge");
        Bridge bridge = null;
        String stpText = null;
        if (bridgeNode != null) {
            stpText = bridgeNode.attribute("stp");
            long delay = 0;
            String delayText = bridgeNode.attribute("delay");
            if (delayText != null) {
                try {
                    delay = Long.parseUnsignedLong(delayText.trim());
                } catch (NumberFormatException e) {
                    throw ConfErrors.xml("Invalid delay value in network '" + name + "'");
                }
            }
            String mtm = bridgeNode.attribute("macTableManager");
            if (mtm != null && !mtm.equals("kernel") && !mtm.equals("libvirt")) {
                throw ConfErrors.xml("Invalid macTableManager setting '" + mtm + "' in network '" + name + "'");
            }
            bridge = new Bridge(bridgeNode.attribute("name"), bridgeNode.attribute("zone"),
                    !"off".equals(stpText), delay, mtm);
        }
        String mac = null;
        XmlElement macNode = root.child("mac");
        if (macNode != null && macNode.attribute("address") != null) {
            String text = macNode.attribute("address");
            mac = Mac.parse(text);
            if (mac == null) {
                throw ConfErrors.xml("Invalid bridge mac address '" + text + "' in network '" + name + "'");
            }
            if (Mac.isMulticast(mac)) {
                throw ConfErrors.xml("Invalid multicast bridge mac address '" + text + "' in network '" + name + "'");
            }
        }
        int mtu = 0;
        XmlElement mtuNode = root.child("mtu");
        if (mtuNode != null && mtuNode.attribute("size") != null) {
            String size = mtuNode.attribute("size");
            try {
                long v = Long.parseLong(size.trim());
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                mtu = (int) v;
            } catch (NumberFormatException e) {
                throw ConfErrors.xml("Invalid mtu size '" + size + "' in network '" + name + "'");
            }
        }
        XmlElement dnsNode = root.child("dns");
        Dns dns = dnsNode == null ? Dns.EMPTY : DnsXmlParser.parse(name, dnsNode);
        Bandwidth bandwidth = BandwidthXml.parse(root.child("bandwidth"), false);
        PortGroups.check(root.children("portgroup"));
        List<IpDef> ips = new ArrayList<>();
        for (XmlElement ip : root.children("ip")) {
            ips.add(IpXmlParser.parse(name, ip));
        }
        List<XmlElement> routes = root.children("route");
        XmlElement forwardNode = root.child("forward");
        Forward forward = forwardNode == null ? Forward.NONE : ForwardXmlParser.parse(name, forwardNode);
        ForwardXmlParser.validate(name, forward, bridge, stpText, ips, mtu);
        String prefix = dnsmasqPrefix(root);
        List<String> options = new ArrayList<>();
        if (prefix != null) {
            for (XmlElement opts : root.children(prefix + ":options")) {
                for (XmlElement o : opts.children(prefix + ":option")) {
                    String v = o.attribute("value");
                    if (v == null) {
                        throw ConfErrors.xml("No dnsmasq options value specified");
                    }
                    options.add(v);
                }
            }
        }
        return new NetworkDef(name, uuid, 0, ipv6nogw, trust, root.child("metadata"), forward, bridge, mtu, mac,
                domain, localOnly, dns, root.child("vlan"), bandwidth, isolated, ips, routes,
                root.child("virtualport"), root.children("portgroup"), options, prefix);
    }

    private static String dnsmasqPrefix(XmlElement root) {
        for (XmlAttribute a : root.attributes()) {
            if (a.name().startsWith("xmlns:") && a.value().equals(DNSMASQ_NS)) {
                return a.name().substring("xmlns:".length());
            }
        }
        return null;
    }

    private static String text(XmlElement e) {
        return e.text() == null ? "" : e.text();
    }

    /** libvirt's virUUIDParse: 32 hex digits, dashes allowed between them, surrounding blanks ignored. */
    public static UUID parseUuid(String text) {
        String t = text.strip();
        StringBuilder hex = new StringBuilder();
        for (char c : t.toCharArray()) {
            if (c == '-') {
                continue;
            }
            if (Character.digit(c, 16) < 0 || hex.length() == 32) {
                return null;
            }
            hex.append(c);
        }
        if (hex.length() != 32) {
            return null;
        }
        String h = hex.toString();
        return new UUID(Long.parseUnsignedLong(h.substring(0, 16), 16), Long.parseUnsignedLong(h.substring(16), 16));
    }

    static boolean isOwnBridgeMode(Mode mode) {
        return mode.hasOwnBridge();
    }

    /**
     * A {@code <host>} of a DHCP host update (libvirt's virNetworkDefUpdateIPDHCPHost): parsed for the
     * address {@code ip} of network {@code network}; {@code partialOkay} for a delete, which needs only
     * one of mac, name and ip.
     */
    public NetworkDef.DhcpHost parseDhcpHost(String network, NetworkDef.IpDef ip, String xml, boolean partialOkay)
            throws VirtException {
        XmlElement node = reader.readXml(xml, "(network_definition)", ErrorDomain.NETWORK);
        if (!node.name().equals("host")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, "unexpected element <" + node.name()
                    + ">, expecting <host>, while updating network '" + network + "'");
        }
        return IpXmlParser.host(network, ip, node, partialOkay);
    }
}
