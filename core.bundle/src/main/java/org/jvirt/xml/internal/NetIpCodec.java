package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetIp;
import org.jvirt.api.xml.NetRoute;
import org.jvirt.api.xml.XmlElement;

/**
 * {@code <ip>} and {@code <route>} of interfaces and capabilities net hostdevs
 * (virDomainNetIPInfoParseXML, virNetDevIPRouteParseXML and their formatters).
 */
final class NetIpCodec {
    private static final String ROUTE_DETAIL = "Domain interface: ";

    private NetIpCodec() {
    }

    static List<NetIp> ips(Node holder) throws VirtException {
        List<NetIp> out = new ArrayList<>();
        for (Node ip : holder.children("ip")) {
            String address = ip.attr("address");
            if (address == null) {
                throw XmlErrors.xml("Missing required address in <ip>");
            }
            String family = ip.attr("family");
            if (family == null) {
                // libvirt's formatter writes the family of the parsed address
                family = address.contains(":") ? "ipv6" : "ipv4";
            } else if (!family.equals("ipv4") && !family.equals("ipv6")) {
                throw XmlErrors.xml("Invalid address '" + address + "' in <ip>");
            }
            Integer prefix = Num.uint(ip, "prefix");
            String peer = ip.attr("peer");
            ip.requireFullyRead();
            out.add(new NetIp(address, family, prefix != null && prefix == 0 ? null : prefix, peer));
        }
        return out;
    }

    static List<NetRoute> routes(Node holder) throws VirtException {
        List<NetRoute> out = new ArrayList<>();
        for (Node r : holder.children("route")) {
            String family = r.attr("family");
            String address = r.attr("address");
            String netmask = r.attr("netmask");
            String gateway = r.attr("gateway");
            Integer prefix = Num.uint(r, "prefix");
            Integer metric = Num.uint(r, "metric");
            if (metric != null && metric == 0) {
                throw XmlErrors.xml("Invalid value for attribute 'metric' in element 'route': '"
                        + r.element().attribute("metric") + "'. Expected non-zero value");
            }
            if (address == null) {
                throw XmlErrors.xml(ROUTE_DETAIL + "Missing required address attribute in route definition");
            }
            if (gateway == null) {
                throw XmlErrors.xml(ROUTE_DETAIL + "Missing required gateway attribute in route definition");
            }
            if (family != null && !family.equals("ipv4") && !family.equals("ipv6")) {
                throw XmlErrors.xml(ROUTE_DETAIL + "Unrecognized family '" + family + "' in route definition");
            }
            int max = "ipv6".equals(family) ? 128 : 32;
            if (prefix != null && prefix > max) {
                throw XmlErrors.xml(ROUTE_DETAIL + "Invalid prefix " + prefix
                        + " specified in route definition, must be 0 - " + max);
            }
            r.requireFullyRead();
            out.add(new NetRoute(family, address, netmask, prefix, gateway, metric));
        }
        return out;
    }

    static List<XmlElement> format(List<NetIp> ips, List<NetRoute> routes) {
        List<XmlElement> out = new ArrayList<>();
        for (NetIp ip : ips) {
            out.add(new Out("ip").attr("address", ip.address()).attr("family", ip.family())
                    .attr("prefix", ip.prefix()).attr("peer", ip.peer()).build());
        }
        for (NetRoute r : routes) {
            out.add(new Out("route").attr("family", r.family()).attr("address", r.address())
                    .attr("netmask", r.netmask()).attr("prefix", r.prefix()).attr("gateway", r.gateway())
                    .attr("metric", r.metric()).build());
        }
        return out;
    }
}
