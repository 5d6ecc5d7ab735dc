package org.jvirt.network.internal.host;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;

/** The Linux bridge of a network, through {@code ip}: created with its MAC, MTU, STP and addresses, and removed. */
public final class Bridges {
    private final CommandRunner cmd;

    public Bridges(CommandRunner cmd) {
        this.cmd = cmd;
    }

    public boolean exists(String name) throws VirtException {
        return cmd.run(List.of("ip", "link", "show", "dev", name), null).exit() == 0;
    }

    /** Creates and brings up the bridge of {@code def}; on failure removes what it made. */
    public void create(NetworkDef def) throws VirtException {
        String br = def.bridgeName();
        long delay = def.bridge() == null ? 0 : def.bridge().delay();
        // the delay first, STP after, as libvirt (the kernel refuses a delay under 2 s while STP is on)
        CommandRunner.Result r = cmd.run(List.of("ip", "link", "add", "name", br, "type", "bridge",
                "forward_delay", String.valueOf(delay * 100), "stp_state", "0"), null);
        if (r.exit() != 0) {
            // libvirt's virNetDevBridgeCreate over netlink reports the errno
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK,
                    "error creating bridge interface " + br + ": " + errno(r.err()));
        }
        try {
            if (def.bridge() == null || def.bridge().stp()) {
                cmd.check(List.of("ip", "link", "set", "dev", br, "type", "bridge", "stp_state", "1"), null);
            }
            if (def.mac() != null) {
                cmd.check(List.of("ip", "link", "set", "dev", br, "address", def.mac()), null);
            }
            if (def.mtu() > 0) {
                cmd.check(List.of("ip", "link", "set", "dev", br, "mtu", String.valueOf(def.mtu())), null);
            }
            for (IpDef ip : def.ips()) {
                List<String> add = new ArrayList<>(List.of("ip", ip.address().isV6() ? "-6" : "-4", "addr", "add",
                        ip.address().format() + "/" + ip.effectivePrefix(), "dev", br));
                if (ip.address().isV4()) {
                    add.addAll(List.of("broadcast", "+"));
                } else {
                    add.add("nodad");
                }
                cmd.check(add, null);
            }
            cmd.check(List.of("ip", "link", "set", "dev", br, "up"), null);
        } catch (VirtException e) {
            delete(br);
            throw e;
        }
    }

    /** Removes the bridge; quiet when it is already gone. */
    public void delete(String name) throws VirtException {
        cmd.check(List.of("ip", "link", "del", "dev", name), null, "Cannot find device");
    }

    /** The IPv4 routes of the host (network namespace) as {@code ip -o -4 route} prints them. */
    public List<String> ipv4Routes() throws VirtException {
        return cmd.check(List.of("ip", "-o", "-4", "route", "show"), null).lines().toList();
    }

    /** Turns on IP forwarding (libvirt's networkEnableIPForwarding). */
    public void enableForwarding(boolean ipv6) throws VirtException {
        cmd.check(List.of("sysctl", "-q", "-w", "net.ipv4.ip_forward=1"), null);
        if (ipv6) {
            cmd.check(List.of("sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=1"), null);
        }
    }

    private static String errno(String stderr) {
        String s = stderr.strip();
        if (s.contains("File exists")) {
            return "File exists";
        }
        int colon = s.lastIndexOf(": ");
        return colon >= 0 ? s.substring(colon + 2) : s;
    }
}
