package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetInterfaceLookup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * The {@code net.*} statistics of a running guest, as libvirt's {@code qemuDomainGetStatsInterface}:
 * the count of interfaces, and for each one with a host device its counters from
 * {@code /proc/PID/net/dev} of the guest's QEMU, seen from the guest (a tap's receive is the
 * guest's transmit), except where the host device is the guest's own end (a macvtap of a direct interface,
 * an ethernet one: virDomainNetTypeSharesHostView), whose counters libvirt gives unswapped. libvirt reads its own network namespace, which is QEMU's; reading QEMU's
 * also finds the taps of a QEMU run in another namespace (the tests' command prefix).
 * The same counters answer {@code virDomainInterfaceStats} ({@link #ofDevice}).
 */
final class InterfaceStats {
    /** libvirt's names of the eight counters a guest sees, in its order. */
    private static final String[] NAMES = {"rx.bytes", "rx.pkts", "rx.errs", "rx.drop",
        "tx.bytes", "tx.pkts", "tx.errs", "tx.drop"};

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
            long[] guest = guestView(nets.get(i), c);
            for (int k = 0; k < NAMES.length; k++) {
                p.add(TypedParameter.ofULong(prefix + NAMES[k], guest[k]));
            }
        }
    }

    /**
     * libvirt's {@code qemuDomainInterfaceStats}: the running guest's interface named by {@code device}
     * (its host device or its MAC address, virDomainNetFind), counted as {@link #add} counts it. Checked
     * in libvirt's order: the domain runs, the interface exists, it has a host device, the host has it.
     */
    static org.jvirt.api.InterfaceStats ofDevice(QemuDomainObj dom, String device) throws VirtException {
        NetInterface net;
        long pid;
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            net = NetInterfaceLookup.find(dom.liveDef(), device);
            pid = dom.pid();
        }
        String ifname = net.targetDev();
        if (ifname == null || ifname.isEmpty()) {
            // a user (slirp/passt) interface, found by its MAC address, has no host device
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Interface name not provided");
        }
        long[] c = counters(ifname, pid);
        if (c == null) {
            // virnetdevtap.c reports from no driver (VIR_FROM_NONE)
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "/proc/net/dev: Interface not found");
        }
        long[] g = guestView(net, c);
        return new org.jvirt.api.InterfaceStats(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
    }

    /**
     * The eight counters of {@link #NAMES} from the 16 of {@code /proc/net/dev} (rx bytes packets errs drop
     * fifo frame compressed multicast, then tx bytes packets errs drop ...), from the guest's side.
     */
    private static long[] guestView(NetInterface n, long[] c) {
        return sharesHostView(n) ? new long[] {c[0], c[1], c[2], c[3], c[8], c[9], c[10], c[11]}
                : new long[] {c[8], c[9], c[10], c[11], c[0], c[1], c[2], c[3]};
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
