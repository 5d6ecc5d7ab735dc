package org.jvirt.network.internal.host;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.Ip;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkDef.Nat;

/**
 * The filtering and NAT rules of a network in nftables: one table {@code inet jvirt_BRIDGE} a
 * network, made in one transaction ({@code nft -f -}) and removed as a whole. The rules do what
 * libvirt 9.0's iptables rules do (bridge_driver_linux.c networkAddFirewallRules): DHCP/DNS/TFTP from
 * the guests accepted, guest-to-guest traffic accepted, traffic from the subnet out and replies back
 * in accepted (nat, route), everything else into or out of the bridge rejected, and for nat the
 * subnet masqueraded (ports 1024-65535 for TCP/UDP) or SNATed to the {@code <nat>} address and port
 * ranges, except multicast and broadcast. See README.md.
 */
public final class Firewall {
    private final CommandRunner cmd;

    public Firewall(CommandRunner cmd) {
        this.cmd = cmd;
    }

    public static String table(String bridge) {
        return "jvirt_" + bridge.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The nftables script for {@code def}, empty for an open network (libvirt adds no rules there). */
    public static String script(NetworkDef def) {
        Mode mode = def.forward().mode();
        if (mode == Mode.OPEN || !mode.hasOwnBridge()) {
            return "";
        }
        String br = '"' + def.bridgeName() + '"';
        StringBuilder s = new StringBuilder("table inet ").append(table(def.bridgeName())).append(" {\n");
        s.append("  chain input {\n    type filter hook input priority filter; policy accept;\n");
        s.append("    iifname ").append(br).append(" udp dport { 53, 67, 547 } accept\n");
        s.append("    iifname ").append(br).append(" tcp dport 53 accept\n");
        s.append("  }\n");
        s.append("  chain output {\n    type filter hook output priority filter; policy accept;\n");
        s.append("    oifname ").append(br).append(" udp dport { 68, 546 } accept\n");
        s.append("  }\n");
        s.append("  chain forward {\n    type filter hook forward priority filter; policy accept;\n");
        s.append("    iifname ").append(br).append(" oifname ").append(br).append(" accept\n");
        if (mode != Mode.NONE) {
            String out = def.forward().devs().isEmpty() ? "" : " oifname \"" + def.forward().devs().get(0) + "\"";
            String in = def.forward().devs().isEmpty() ? "" : " iifname \"" + def.forward().devs().get(0) + "\"";
            for (IpDef ip : def.ips()) {
                String fam = ip.address().isV4() ? "ip" : "ip6";
                String net = subnet(ip);
                s.append("    iifname ").append(br).append(out).append(' ').append(fam).append(" saddr ").append(net)
                        .append(" accept\n");
                s.append("   ").append(in).append(" oifname ").append(br).append(' ').append(fam).append(" daddr ")
                        .append(net).append(mode == Mode.NAT ? " ct state related,established" : "")
                        .append(" accept\n");
            }
        }
        s.append("    iifname ").append(br).append(" reject\n");
        s.append("    oifname ").append(br).append(" reject\n");
        s.append("  }\n");
        if (mode == Mode.NAT) {
            s.append("  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n");
            String out = def.forward().devs().isEmpty() ? "" : " oifname \"" + def.forward().devs().get(0) + "\"";
            Nat nat = def.forward().nat();
            for (IpDef ip : def.ips()) {
                if (!ip.address().isV4()) {
                    continue;
                }
                String net = subnet(ip);
                s.append("   ").append(out).append(" ip saddr ").append(net).append(" ip daddr 224.0.0.0/24 return\n");
                s.append("   ").append(out).append(" ip saddr ").append(net)
                        .append(" ip daddr 255.255.255.255 return\n");
                s.append("   ").append(out).append(" ip saddr ").append(net).append(" ip daddr != ").append(net)
                        .append(" meta l4proto { tcp, udp } ").append(translation(nat, true)).append('\n');
                s.append("   ").append(out).append(" ip saddr ").append(net).append(" ip daddr != ").append(net)
                        .append(' ').append(translation(nat, false)).append('\n');
            }
            s.append("  }\n");
        }
        return s.append("}\n").toString();
    }

    /**
     * libvirt's iptablesForwardMasquerade: masquerading, or SNAT to the {@code <nat><address>} range
     * when there is one; TCP and UDP also to the {@code <port>} range (1024-65535 by default).
     */
    private static String translation(Nat nat, boolean withPorts) {
        String portRange = withPorts ? ":" + ports(nat) : "";
        if (nat == null || nat.addressStart() == null) {
            return "masquerade" + (withPorts ? " to " + portRange : "");
        }
        String range = nat.addressStart().format();
        if (nat.addressEnd() != null && !nat.addressEnd().equals(nat.addressStart())) {
            range += "-" + nat.addressEnd().format();
        }
        return "snat ip to " + range + portRange;
    }

    private static String ports(Nat nat) {
        int start = nat == null || nat.portStart() == 0 ? 1024 : nat.portStart();
        int end = nat == null || nat.portEnd() == 0 ? 65535 : nat.portEnd();
        return start + "-" + end;
    }

    private static String subnet(IpDef ip) {
        int prefix = ip.effectivePrefix();
        Ip net = ip.address().masked(prefix);
        return net.format() + "/" + prefix;
    }

    public void apply(NetworkDef def) throws VirtException {
        String script = script(def);
        if (!script.isEmpty()) {
            remove(def.bridgeName());
            cmd.check(List.of("nft", "-f", "-"), script);
        }
    }

    /** Removes the network's table; quiet when there is none. */
    public void remove(String bridge) throws VirtException {
        cmd.check(List.of("nft", "delete", "table", "inet", table(bridge)), null, "No such file or directory");
    }

    public boolean present(String bridge) throws VirtException {
        return cmd.run(List.of("nft", "list", "table", "inet", table(bridge)), null).exit() == 0;
    }
}
