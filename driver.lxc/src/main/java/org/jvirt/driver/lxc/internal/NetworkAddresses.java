package org.jvirt.driver.lxc.internal;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetIp;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetRoute;
import org.jvirt.api.xml.XmlElement;

/**
 * The guest side of an interface: its name inside the container, its addresses and its default
 * route, which liblxc applies inside the container's network namespace as libvirt does.
 */
final class NetworkAddresses {
    private NetworkAddresses() {
    }

    /**
     * The name of interface {@code index} of {@code all} inside the container: its {@code <guest dev=>},
     * else libvirt's {@code eth<n>}, where n counts only the interfaces before it that have no guest name
     * of their own (virLXCProcessSetupInterfaces).
     */
    static String guestName(List<NetInterface> all, int index) {
        String own = ownGuestName(all.get(index));
        if (own != null) {
            return own;
        }
        long unnamed = all.subList(0, index).stream().filter(n -> ownGuestName(n) == null).count();
        return "eth" + unnamed;
    }

    private static String ownGuestName(NetInterface n) {
        for (XmlElement e : n.other().children()) {
            if ("guest".equals(e.name()) && e.attribute("dev") != null) {
                return e.attribute("dev");
            }
        }
        return null;
    }

    static void write(NetInterface n, String prefix, ConfigText c) throws VirtException {
        for (NetIp ip : n.ips()) {
            boolean v6 = "ipv6".equals(ip.family()) || ip.address().contains(":");
            int bits = ip.prefix() != null && ip.prefix() > 0 ? ip.prefix() : v6 ? 64 : classfulPrefix(ip.address());
            String value = ip.address() + "/" + bits;
            if (ip.peer() != null) {
                value += " " + ip.peer();
            }
            c.set(prefix + (v6 ? "ipv6" : "ipv4") + ".address", value);
        }
        for (NetRoute r : n.routes()) {
            boolean v6 = "ipv6".equals(r.family()) || r.gateway().contains(":");
            c.set(prefix + (v6 ? "ipv6" : "ipv4") + ".gateway", r.gateway());
        }
    }

    /** libvirt's {@code virSocketAddrGetIPPrefix} for an address written without a prefix. */
    static int classfulPrefix(String address) {
        int first;
        try {
            first = Integer.parseInt(address.substring(0, address.indexOf('.')));
        } catch (RuntimeException e) {
            return 24;
        }
        if (first < 128) {
            return 8;
        }
        return first < 192 ? 16 : 24;
    }
}
