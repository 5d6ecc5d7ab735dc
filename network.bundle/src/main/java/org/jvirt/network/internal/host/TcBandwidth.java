package org.jvirt.network.internal.host;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.Rate;

/**
 * Traffic shaping with {@code tc}, command for command as libvirt 9.0's virnetdevbandwidth.c. A
 * guest's tap gets an HTB root qdisc with one class 1:1 and an SFQ below it, and ingress policing for
 * the other direction. A bridge's tree is hierarchical: class 1:1 (the bridge's limit) over 1:2
 * (everything not guaranteed, with the SFQ), and for every port with a guaranteed {@code floor} a
 * class {@code 1:ID} of its own with an SFQ and a u32 filter on the guest's MAC.
 */
public final class TcBandwidth {
    /** libvirt's mtu in virNetDevBandwidthCmdAddOptimalQuantum. */
    private static final long MTU = 1500;
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private final CommandRunner cmd;

    public TcBandwidth(CommandRunner cmd) {
        this.cmd = cmd;
    }

    /**
     * virNetDevBandwidthSet: replaces the QoS of {@code ifname}. With {@code swapped} the inbound rate is
     * shaped on the interface's transmit side (a bridge or tap, where the guest receives what the host
     * sends); {@code hierarchical} makes class 1:1 the parent of the floor classes.
     */
    public void set(String ifname, Bandwidth bw, boolean hierarchical, boolean swapped) throws VirtException {
        if (bw == null) {
            return;
        }
        if (ifname == null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NONE,
                    "Unable to set bandwidth for interface because device name is unknown");
        }
        Rate rx = swapped ? bw.outbound() : bw.inbound();
        Rate tx = swapped ? bw.inbound() : bw.outbound();
        clear(ifname);
        if (tx != null && tx.average() != 0) {
            String average = kbps(tx.average());
            String peak = tx.peak() != 0 ? kbps(tx.peak()) : null;
            tc("qdisc", "add", "dev", ifname, "root", "handle", "1:", "htb", "default", hierarchical ? "2" : "1");
            if (hierarchical) {
                // class 1:1 caps the whole device; the floor classes and the default 1:2 borrow below it
                List<String> top = new ArrayList<>(List.of("class", "add", "dev", ifname, "parent", "1:", "classid",
                        "1:1", "htb", "rate", average, "ceil", peak != null ? peak : average));
                top.addAll(quantum(tx));
                tc(top);
            }
            List<String> leaf = new ArrayList<>(List.of("class", "add", "dev", ifname, "parent",
                    hierarchical ? "1:1" : "1:", "classid", hierarchical ? "1:2" : "1:1", "htb", "rate", average));
            if (peak != null) {
                leaf.addAll(List.of("ceil", peak));
            }
            if (tx.burst() != 0) {
                leaf.addAll(List.of("burst", tx.burst() + "kb"));
            }
            leaf.addAll(quantum(tx));
            tc(leaf);
            tc("qdisc", "add", "dev", ifname, "parent", hierarchical ? "1:2" : "1:1", "handle", "2:", "sfq",
                    "perturb", "10");
            tc("filter", "add", "dev", ifname, "parent", "1:0", "protocol", "all", "prio", "1", "handle", "1", "fw",
                    "flowid", "1");
        }
        if (rx != null) {
            // tc keeps the burst in bytes as an unsigned int, so the default burst (one second) is capped
            String burst = (rx.burst() != 0 ? rx.burst() : Math.min(rx.average(), UINT_MAX / 1024)) + "kb";
            tc("qdisc", "add", "dev", ifname, "ingress");
            tc("filter", "add", "dev", ifname, "parent", "ffff:", "protocol", "all", "u32", "match", "u32", "0", "0",
                    "police", "rate", kbps(rx.average()), "burst", burst, "mtu", "64kb", "drop", "flowid", ":1");
        }
    }

    /** virNetDevBandwidthClear: drops the root and ingress qdiscs, whatever they hold; quiet when absent. */
    public void clear(String ifname) throws VirtException {
        cmd.run(List.of("tc", "qdisc", "del", "dev", ifname, "root"), null);
        cmd.run(List.of("tc", "qdisc", "del", "dev", ifname, "ingress"), null);
    }

    /**
     * virNetDevBandwidthPlug: the class {@code 1:ID} guaranteeing the port's inbound floor on the bridge,
     * up to the network's inbound peak (or average), its SFQ and the filter sending the MAC's traffic there.
     */
    public void plug(String bridge, Bandwidth network, String mac, Bandwidth port, long id) throws VirtException {
        checkId(id);
        if (network == null || network.inbound() == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, "Bridge '" + bridge
                    + "' has no QoS set, therefore unable to set 'floor' on '" + mac + "'");
        }
        String classId = classId(id);
        List<String> add = new ArrayList<>(List.of("class", "add", "dev", bridge, "parent", "1:1", "classid", classId,
                "htb", "rate", kbps(port.inbound().floor()), "ceil", kbps(network.inboundCeiling())));
        add.addAll(quantum(port.inbound()));
        tc(add);
        tc("qdisc", "add", "dev", bridge, "parent", classId, "handle", Long.toHexString(id) + ":", "sfq", "perturb",
                "10");
        String[] b = mac.split(":");
        // libvirt matches the source MAC with u32 at fixed offsets from the IP header (tc fw cannot use marks)
        tc("filter", "add", "dev", bridge, "protocol", "ip", "prio", "2", "handle", filterId(id), "u32",
                "match", "u16", "0x0800", "0xffff", "at", "-2",
                "match", "u32", "0x" + b[2] + b[3] + b[4] + b[5], "0xffffffff", "at", "-12",
                "match", "u16", "0x" + b[0] + b[1], "0xffff", "at", "-14",
                "flowid", classId);
    }

    /** virNetDevBandwidthUnplug: the port's SFQ, filter and class; as libvirt, tc's own failures are not fatal. */
    public void unplug(String bridge, long id) throws VirtException {
        checkId(id);
        cmd.run(List.of("tc", "qdisc", "del", "dev", bridge, "handle", Long.toHexString(id) + ":"), null);
        cmd.run(List.of("tc", "filter", "del", "dev", bridge, "prio", "2", "handle", filterId(id), "u32"), null);
        cmd.run(List.of("tc", "class", "del", "dev", bridge, "classid", classId(id)), null);
    }

    /** virNetDevBandwidthUpdateRate: a new rate for class {@code 1:ID}, the ceiling from the network. */
    public void updateRate(String ifname, long id, Bandwidth network, long rate) throws VirtException {
        List<String> change = new ArrayList<>(List.of("class", "change", "dev", ifname, "classid", classId(id), "htb",
                "rate", kbps(rate), "ceil", kbps(network.inboundCeiling())));
        change.addAll(quantum(network.inbound()));
        tc(change);
    }

    /**
     * virNetDevBandwidthCmdAddOptimalQuantum: HTB's advice is a quantum of one MTU; derived from the rate
     * by the default r2q it is too small for slow classes, so libvirt gives it explicitly.
     */
    private static List<String> quantum(Rate rate) {
        long r2q = rate.average() * 1024 / 8 / MTU;
        return List.of("quantum", Long.toString(r2q == 0 ? 1 : r2q));
    }

    private static void checkId(long id) throws VirtException {
        if (id <= 2) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "Invalid class ID " + id);
        }
    }

    /** u32 filter handles live under 800:: and start at 800 (libvirt's virNetDevBandwidthManipulateFilter). */
    private static String filterId(long id) {
        return "800::" + (800 + id);
    }

    private static String classId(long id) {
        return "1:" + Long.toHexString(id);
    }

    private static String kbps(long value) {
        return value + "kbps";
    }

    private void tc(String... args) throws VirtException {
        tc(List.of(args));
    }

    private void tc(List<String> args) throws VirtException {
        List<String> full = new ArrayList<>(args.size() + 1);
        full.add("tc");
        full.addAll(args);
        cmd.check(full, null);
    }
}
