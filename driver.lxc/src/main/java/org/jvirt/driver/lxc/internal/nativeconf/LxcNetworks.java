package org.jvirt.driver.lxc.internal.nativeconf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jvirt.api.VirtException;

/**
 * lxcConvertNetworkSettings: groups {@code lxc.net.N.*} (LXC 3) and legacy {@code lxc.network.*}
 * keys into NICs and writes them as {@code <interface>} or, for {@code phys} and {@code vlan},
 * {@code <hostdev mode='capabilities' type='net'>}.
 */
final class LxcNetworks {
    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{1,2}(:\\p{XDigit}{1,2}){5}");

    /** One NIC's keys (lxcNetworkParseData). */
    static final class Nic {
        final long index;
        String type;
        String link;
        String mac;
        String flag;
        String macvlanMode;
        String vlanId;
        String name;
        String gateway4;
        String gateway6;
        final List<String[]> ips = new ArrayList<>();

        Nic(long index) {
            this.index = index;
        }
    }

    private final List<Nic> nics = new ArrayList<>();

    void read(LxcConfText conf) throws VirtException {
        for (LxcConfText.Entry e : conf.entries()) {
            if (e.key().startsWith("lxc.network.")) {
                legacy(e.key().substring("lxc.network.".length()), e.value());
            } else if (e.key().startsWith("lxc.net.")) {
                indexed(e.key().substring("lxc.net.".length()), e.value());
            }
        }
    }

    private void legacy(String suffix, String value) throws VirtException {
        Nic nic;
        if (suffix.equals("type")) {
            nic = new Nic(nics.size() + 1);
            nics.add(nic);
        } else if (!nics.isEmpty()) {
            nic = nics.get(nics.size() - 1);
        } else {
            throw NativeErrors.unknownCause();
        }
        suffix(nic, suffix, value);
    }

    private void indexed(String rest, String value) throws VirtException {
        int i = 0;
        while (i < rest.length() && Character.isDigit(rest.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= rest.length() || rest.charAt(i) != '.') {
            throw NativeErrors.unknownCause();
        }
        long index;
        try {
            index = Long.parseLong(rest.substring(0, i));
        } catch (NumberFormatException e) {
            throw NativeErrors.unknownCause();
        }
        Nic nic = nics.stream().filter(n -> n.index == index).findFirst().orElse(null);
        if (nic == null) {
            nic = new Nic(index);
            nics.add(nic);
        }
        suffix(nic, rest.substring(i + 1), value);
    }

    private static void suffix(Nic nic, String key, String value) throws VirtException {
        switch (key) {
            case "type" -> nic.type = value;
            case "link" -> nic.link = value;
            case "hwaddr" -> nic.mac = value;
            case "flags" -> nic.flag = value;
            case "macvlan.mode" -> nic.macvlanMode = value;
            case "vlan.id" -> nic.vlanId = value;
            case "name" -> nic.name = value;
            case "ipv4", "ipv4.address" -> nic.ips.add(ip(value, "ipv4"));
            case "ipv6", "ipv6.address" -> nic.ips.add(ip(value, "ipv6"));
            case "ipv4.gateway" -> nic.gateway4 = value;
            case "ipv6.gateway" -> nic.gateway6 = value;
            // libvirt only warns ("Unhandled network property") and fails the walk
            default -> throw NativeErrors.unknownCause();
        }
    }

    /** lxcNetworkParseDataIPs: address/prefix. */
    private static String[] ip(String value, String family) throws VirtException {
        String[] parts = value.split("/", 2);
        boolean ok = parts.length == 2 && !parts[0].isEmpty()
                && (family.equals("ipv4") ? parts[0].matches("[0-9.]+") : parts[0].contains(":"))
                && parts[1].matches("[0-9]+");
        if (!ok) {
            throw NativeErrors.invalidArg("Invalid CIDR address: '" + value + "'");
        }
        return new String[] {parts[0], family, parts[1]};
    }

    /** True when no NIC was given and none has type {@code none}: LXC adds only loopback (privnet). */
    boolean privnet() {
        return nics.isEmpty();
    }

    void writeInterfaces(XmlText x) throws VirtException {
        for (Nic n : nics) {
            if (ignored(n) || physical(n)) {
                continue;
            }
            String type = switch (n.type) {
                case "veth" -> n.link != null ? "bridge" : "ethernet";
                case "macvlan" -> "direct";
                default -> "user";
            };
            if (n.type.equals("macvlan") && n.link == null) {
                throw NativeErrors.unknownCause();
            }
            x.open("interface", "type", type);
            if (n.mac != null && MAC.matcher(n.mac).matches()) {
                x.empty("mac", "address", n.mac);
            }
            if (type.equals("bridge")) {
                x.empty("source", "bridge", n.link);
            } else if (type.equals("direct")) {
                x.empty("source", "dev", n.link, "mode", macvlanMode(n.macvlanMode));
            }
            addresses(x, n);
            if (n.name != null) {
                x.empty("guest", "dev", n.name);
            }
            x.empty("link", "state", "up".equals(n.flag) ? "up" : "down");
            x.close("interface");
        }
    }

    void writeHostdevs(XmlText x) throws VirtException {
        for (Nic n : nics) {
            if (ignored(n) || !physical(n)) {
                continue;
            }
            if (n.link == null) {
                throw NativeErrors.unsupported("Missing 'link' attribute for NIC");
            }
            // libvirt leaves setting up the vlan interface on the host to the user
            String dev = n.type.equals("vlan") && n.vlanId != null ? n.link + "." + n.vlanId : n.link;
            x.open("hostdev", "mode", "capabilities", "type", "net").open("source").text("interface", dev)
                    .close("source");
            addresses(x, n);
            x.close("hostdev");
        }
    }

    private static void addresses(XmlText x, Nic n) {
        for (String[] ip : n.ips) {
            x.empty("ip", "address", ip[0], "family", ip[1], "prefix", ip[2]);
        }
        if (n.gateway4 != null) {
            x.empty("route", "family", "ipv4", "address", "0.0.0.0", "gateway", n.gateway4);
        }
        if (n.gateway6 != null) {
            x.empty("route", "family", "ipv6", "address", "::", "gateway", n.gateway6);
        }
    }

    private static String macvlanMode(String mode) {
        if (mode == null || mode.equals("private")) {
            return "private";
        }
        // libvirt warns about an unknown mode and keeps its default (vepa)
        return mode.equals("vepa") || mode.equals("bridge") ? mode : "vepa";
    }

    private static boolean ignored(Nic n) {
        return n.type == null || n.type.isEmpty() || n.type.equals("empty") || n.type.equals("none");
    }

    private static boolean physical(Nic n) {
        return n.type.equals("phys") || n.type.equals("vlan");
    }
}
