package org.jvirt.network.internal.conf;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef.Dns;
import org.jvirt.network.internal.conf.NetworkDef.Forwarder;
import org.jvirt.network.internal.conf.NetworkDef.Host;
import org.jvirt.network.internal.conf.NetworkDef.Srv;
import org.jvirt.network.internal.conf.NetworkDef.Txt;

/** The {@code <dns>} element: libvirt's virNetworkDNSDefParseXML and its record parsers. */
final class DnsXmlParser {
    private static final String PROTOCOL_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/";
    private static final String SERVICE_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*";

    private DnsXmlParser() {
    }

    static Dns parse(String network, XmlElement node) throws VirtException {
        String enable = ConfErrors.yesNo(node.attribute("enable"), "enable", "dns");
        String plain = ConfErrors.yesNo(node.attribute("forwardPlainNames"), "forwardPlainNames", "dns");
        List<Forwarder> fwds = new ArrayList<>();
        for (XmlElement f : node.children("forwarder")) {
            String addr = f.attribute("addr");
            Ip ip = null;
            if (addr != null) {
                ip = Ip.parse(addr);
                if (ip == null) {
                    throw ConfErrors.xml("Invalid forwarder IP address '" + addr + "' in network '" + network + "'");
                }
            }
            String domain = f.attribute("domain");
            if (ip == null && domain == null) {
                throw ConfErrors.xml("Invalid forwarder element, must contain at least one of addr or domain");
            }
            fwds.add(new Forwarder(domain, ip));
        }
        List<Host> hosts = new ArrayList<>();
        for (XmlElement h : node.children("host")) {
            hosts.add(host(network, h, false));
        }
        List<Srv> srvs = new ArrayList<>();
        for (XmlElement s : node.children("srv")) {
            srvs.add(srv(network, s, false));
        }
        List<Txt> txts = new ArrayList<>();
        for (XmlElement t : node.children("txt")) {
            txts.add(txt(network, t, false));
        }
        if ("no".equals(enable) && !(fwds.isEmpty() && hosts.isEmpty() && srvs.isEmpty() && txts.isEmpty())) {
            throw ConfErrors.xml("Extra data in disabled network '" + network + "'");
        }
        return new Dns(enable, plain, fwds, txts, srvs, hosts);
    }

    static Host host(String network, XmlElement node, boolean partialOkay) throws VirtException {
        String ipText = node.attribute("ip");
        if (ipText == null && !partialOkay) {
            throw ConfErrors.detail("Missing IP address in network '" + network + "' DNS HOST record");
        }
        Ip ip = null;
        if (ipText != null) {
            ip = Ip.parse(ipText);
            if (ip == null) {
                throw ConfErrors.detail("Invalid IP address in network '" + network + "' DNS HOST record");
            }
        }
        List<String> names = new ArrayList<>();
        for (XmlElement n : node.children("hostname")) {
            String text = n.text();
            if (text == null || text.isEmpty()) {
                throw ConfErrors.detail("Missing hostname in network '" + network + "' DNS HOST record");
            }
            names.add(text);
        }
        if (names.isEmpty() && !partialOkay) {
            throw ConfErrors.detail("Missing hostname in network '" + network + "' DNS HOST record");
        }
        if (ip == null && names.isEmpty()) {
            throw ConfErrors.detail("Missing ip and hostname in network '" + network + "' DNS HOST record");
        }
        return new Host(ip, names);
    }

    static Srv srv(String network, XmlElement node, boolean partialOkay) throws VirtException {
        String service = node.attribute("service");
        if (service == null && !partialOkay) {
            throw ConfErrors.detail("missing required service attribute in DNS SRV record of network '" + network
                    + "'");
        }
        if (service != null) {
            if (service.length() > 15) {
                throw ConfErrors.detail("service attribute '" + service + "' in network '" + network
                        + "' is too long, limit is 15 bytes");
            }
            if (!only(service, SERVICE_CHARS)) {
                throw ConfErrors.detail("invalid character in service attribute '" + service
                        + "' in DNS SRV record of network '" + network + "'");
            }
        }
        String protocol = node.attribute("protocol");
        if (protocol == null && !partialOkay) {
            throw ConfErrors.detail("missing required protocol attribute in DNS SRV record '" + service
                    + "' of network '" + network + "'");
        }
        if (protocol != null && !only(protocol, PROTOCOL_CHARS)) {
            throw ConfErrors.detail("invalid character in protocol attribute '" + protocol
                    + "' in DNS SRV record of network '" + network + "'");
        }
        String target = node.attribute("target");
        int port = srvNumber(node, "port", target, service, network, "invalid");
        int priority = srvNumber(node, "priority", target, service, network, "Invalid");
        int weight = srvNumber(node, "weight", target, service, network, "invalid");
        return new Srv(service, protocol, node.attribute("domain"), target, port, priority, weight);
    }

    private static int srvNumber(XmlElement node, String attr, String target, String service, String network,
                                 String invalidWord) throws VirtException {
        String text = node.attribute(attr);
        if (text == null) {
            return 0;
        }
        if (target == null) {
            throw ConfErrors.detail("DNS SRV " + attr + " attribute not permitted without target for service '"
                    + service + "' in network '" + network + "'");
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0 || v > 0xffffffffL || "port".equals(attr) && v > 65535) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw ConfErrors.detail(invalidWord + " DNS SRV " + attr + " attribute for service '" + service
                    + "' in network '" + network + "'");
        }
    }

    static Txt txt(String network, XmlElement node, boolean partialOkay) throws VirtException {
        String name = node.attribute("name");
        if (name == null) {
            throw ConfErrors.detail("missing required name attribute in DNS TXT record of network " + network);
        }
        if (name.contains(" ") || name.contains(",")) {
            throw ConfErrors.detail("prohibited character in DNS TXT record name '" + name + "' of network "
                    + network);
        }
        String value = node.attribute("value");
        if (value == null && !partialOkay) {
            throw ConfErrors.detail("missing required value attribute in DNS TXT record named '" + name
                    + "' of network " + network);
        }
        return new Txt(name, value);
    }

    private static boolean only(String s, String allowed) {
        return s.chars().allMatch(c -> allowed.indexOf(c) >= 0);
    }
}
