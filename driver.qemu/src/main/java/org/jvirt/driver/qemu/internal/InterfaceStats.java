package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/**
 * The {@code net.*} statistics of a running guest, as libvirt's {@code qemuDomainGetStatsInterface}:
 * the count of interfaces, and for each one with a host device its counters from
 * {@code /proc/PID/net/dev} of the guest's QEMU, seen from the guest (a tap's receive is the
 * guest's transmit), except where the host device is the guest's own end (a macvtap of a direct interface,
 * an ethernet one: virDomainNetTypeSharesHostView), whose counters libvirt gives unswapped. libvirt reads its own network namespace, which is QEMU's; reading QEMU's
 * also finds the taps of a QEMU run in another namespace (the tests' command prefix).
 */
final class InterfaceStats {

    private InterfaceStats() {
    }

    static void add(DomainDef def, long pid, List<TypedParameter> p) {
        List<NetInterface> nets = def.devices().interfaces();
        p.add(TypedParameter.ofUInt("net.count", nets.size()));
        for (int i = 0; i < nets.size(); i++) {
            String ifname = nets.get(i).targetDev();
            if (ifname == null || ifname.isEmpty()) {
                continue;
            }
            String prefix = "net." + i + ".";
            p.add(TypedParameter.ofString(prefix + "name", ifname));
            long[] c = counters(ifname, pid);
            if (c == null) {
                continue;
            }
            // /proc/net/dev: rx bytes packets errs drop fifo frame compressed multicast, tx bytes packets errs drop ...
            String[] names = {"rx.bytes", "rx.pkts", "rx.errs", "rx.drop", "tx.bytes", "tx.pkts", "tx.errs", "tx.drop"};
            long[] guest = sharesHostView(nets.get(i)) ? new long[] {c[0], c[1], c[2], c[3], c[8], c[9], c[10], c[11]}
                    : new long[] {c[8], c[9], c[10], c[11], c[0], c[1], c[2], c[3]};
            for (int k = 0; k < names.length; k++) {
                p.add(TypedParameter.ofULong(prefix + names[k], guest[k]));
            }
        }
    }

    private static boolean sharesHostView(NetInterface n) {
        return "direct".equals(n.type()) || "ethernet".equals(n.type());
    }

    /** The 16 counters of {@code ifname} in {@code /proc/PID/net/dev}, or null. */
    static long[] counters(String ifname, long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "dev"))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(ifname)) {
                    String[] f = line.substring(colon + 1).trim().split("\\s+");
                    long[] out = new long[16];
                    for (int k = 0; k < 16 && k < f.length; k++) {
                        out[k] = Long.parseLong(f[k]);
                    }
                    return out;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
