package org.jvirt.network.internal.host;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.Ip;
import org.jvirt.network.internal.conf.NetworkDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network's static {@code <route>} elements on its bridge (libvirt's networkAddRouteToBridge:
 * {@code ip route add ADDRESS/PREFIX via GATEWAY dev BRIDGE [metric N]} once the bridge is up). As
 * libvirt, a route that cannot be added is logged and skipped, and the routes go with the bridge.
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final CommandRunner cmd;

    public Routes(CommandRunner cmd) {
        this.cmd = cmd;
    }

    public void add(NetworkDef def) {
        for (List<String> argv : commands(def)) {
            try {
                CommandRunner.Result r = cmd.run(argv, null);
                if (r.exit() != 0) {
                    LOG.warn("network {}: cannot add the route '{}': {}", def.name(), String.join(" ", argv),
                            r.err().strip());
                }
            } catch (VirtException e) {
                LOG.warn("network {}: cannot add the route '{}': {}", def.name(), String.join(" ", argv),
                        e.getMessage());
            }
        }
    }

    /** The {@code ip route add} command of each route with a valid gateway, in order. */
    public static List<List<String>> commands(NetworkDef def) {
        List<List<String>> out = new ArrayList<>();
        for (XmlElement route : def.routes()) {
            Ip address = parse(route.attribute("address"));
            Ip gateway = parse(route.attribute("gateway"));
            if (address == null || gateway == null || address.isV4() != gateway.isV4()) {
                LOG.warn("network {} has an invalid netmask or IP address in route definition", def.name());
                continue;
            }
            int prefix = prefix(route, address);
            if (prefix < 0) {
                LOG.warn("network {} has an invalid netmask or IP address in route definition", def.name());
                continue;
            }
            List<String> argv = new ArrayList<>(List.of("ip", address.isV4() ? "-4" : "-6", "route", "add",
                    address.masked(prefix).format() + "/" + prefix, "via", gateway.format(), "dev", def.bridgeName()));
            String metric = route.attribute("metric");
            if (metric != null && metric.matches("\\d+") && !metric.equals("0")) {
                argv.addAll(List.of("metric", metric));
            }
            out.add(argv);
        }
        return out;
    }

    /** libvirt's virNetDevIPRouteGetPrefix: the prefix, else the netmask's, else classful (IPv4) or 64. */
    private static int prefix(XmlElement route, Ip address) {
        String prefix = route.attribute("prefix");
        if (prefix != null) {
            return prefix.matches("\\d{1,3}") && Integer.parseInt(prefix) <= (address.isV4() ? 32 : 128)
                    ? Integer.parseInt(prefix) : -1;
        }
        Ip netmask = parse(route.attribute("netmask"));
        if (netmask != null) {
            return netmask.isV4() == address.isV4() ? netmask.netmaskPrefix() : -1;
        }
        return address.isV4() ? address.classfulPrefix() : 64;
    }

    private static Ip parse(String text) {
        return text == null ? null : Ip.parse(text);
    }
}
