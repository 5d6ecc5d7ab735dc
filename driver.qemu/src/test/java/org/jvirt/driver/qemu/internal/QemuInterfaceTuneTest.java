package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.TcShim;

/**
 * {@code virsh domiftune} on a real TCG guest's tap (libvirt's qemuDomainGet/SetInterfaceParameters), with
 * the real network driver in a test network namespace: a live change rebuilds the tap's tc tree as the start
 * does and re-plugs the floor on the bridge through the guest's port, a config change leaves tc alone,
 * average 0 takes the shaping off (the tap's root qdisc back to noqueue), and the errors are libvirt's.
 */
class QemuInterfaceTuneTest {
    private static final String BRIDGE = "jvtbr1";
    private static final String MAC = "52:54:00:ab:cd:03";
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final String BANDWIDTH = "<bandwidth><inbound average='1000' peak='4000' burst='1024' floor='200'/>"
            + "<outbound average='128' peak='256' burst='32768'/></bandwidth>";

    private QosGuestBed env;
    private TestBed bed;
    private Netns ns;
    private TcShim shim;
    private NetworkDriverConnection nets;
    private DomainRef ref;

    @BeforeEach
    void start() throws Exception {
        env = QosGuestBed.open("jqt", "jvqt", "<network><name>qos</name><bridge name='" + BRIDGE + "'/>"
                + "<bandwidth><inbound average='1000' peak='2000'/><outbound average='500'/></bandwidth>"
                + "<ip address='192.168.251.1' netmask='255.255.255.0'/></network>");
        bed = env.bed;
        ns = env.ns;
        shim = env.shim;
        nets = env.nets;
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n"
                + "    <interface type='network'><mac address='52:54:00:ab:cd:03'/><source network='qos'/>"
                + BANDWIDTH + "<model type='e1000'/></interface>\n  </devices>\n";
        String xml = TestBed.xml("ift1", UUID.randomUUID(), 1, "")
                .replaceFirst("(?s)  <devices>.*</devices>\n", devices);
        ref = bed.conn.defineXml(xml, 0);
        bed.conn.create(ref, 0);
    }

    @AfterEach
    void stop() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    private Map<String, Long> get(String device, int flags) throws VirtException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TypedParameter p : bed.conn.ownInterfaceTuning().orElseThrow().interfaceParameters(ref, device, flags)) {
            out.put(p.field(), p.longValue());
        }
        return out;
    }

    private static Map<String, Long> values(long... v) {
        Map<String, Long> out = new LinkedHashMap<>();
        String[] f = {Domain.BANDWIDTH_IN_AVERAGE, Domain.BANDWIDTH_IN_PEAK, Domain.BANDWIDTH_IN_BURST,
            Domain.BANDWIDTH_IN_FLOOR, Domain.BANDWIDTH_OUT_AVERAGE, Domain.BANDWIDTH_OUT_PEAK,
            Domain.BANDWIDTH_OUT_BURST};
        for (int i = 0; i < f.length; i++) {
            out.put(f[i], v[i]);
        }
        return out;
    }

    private static TypedParameter ui(String field, int v) {
        return TypedParameter.ofUInt(field, v);
    }

    @Test
    void aLiveChangeReshapesTheTapAndThePortAndAConfigChangeLeavesTcAlone() throws Exception {
        assertEquals(values(1000, 4000, 1024, 200, 128, 256, 32768), get("vnet0", 0));
        assertEquals(7, bed.conn.ownInterfaceTuning().orElseThrow().interfaceParameterCount(ref, "no-such-device", 0), "counted without the device");
        assertTrue(ns.check("tc", "class", "show", "dev", BRIDGE).contains("class htb 1:3 parent 1:1 prio 0 rate 1600Kbit"));

        // inbound replaced (its floor goes with it), outbound kept
        shim.resetLog();
        bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet0", List.of(ui(Domain.BANDWIDTH_IN_AVERAGE, 2000),
                ui(Domain.BANDWIDTH_IN_PEAK, 3000)), LIVE);
        assertTrue(shim.log().contains("tc qdisc add dev vnet0 root handle 1: htb default 1"), shim.log().toString());
        String classes = ns.check("tc", "class", "show", "dev", "vnet0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 16Mbit ceil 24Mbit"), classes);
        assertTrue(ns.check("tc", "qdisc", "show", "dev", "vnet0").contains("qdisc ingress ffff:"), "outbound kept");
        assertEquals(values(2000, 3000, 0, 0, 128, 256, 32768), get("vnet0", LIVE));
        assertEquals(values(2000, 3000, 0, 0, 128, 256, 32768), get("52:54:00:AB:CD:03", 0), "found by MAC");
        // the persistent definition has no generated tap name: libvirt finds its interface by MAC only
        VirtException noTap = assertThrows(VirtException.class, () -> get("vnet0", CONFIG));
        assertTrue(noTap.getMessage().endsWith("'vnet0' is not a known interface"), noTap.getMessage());
        assertEquals(values(1000, 4000, 1024, 200, 128, 256, 32768), get(MAC, CONFIG), "config untouched");
        assertFalse(ns.check("tc", "class", "show", "dev", BRIDGE).contains("class htb 1:3 "), "floor unplugged");
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<inbound average='2000' peak='3000'/>"), live);

        // a floor again: the port plugs it on the bridge
        bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet0", List.of(ui(Domain.BANDWIDTH_IN_AVERAGE, 500),
                ui(Domain.BANDWIDTH_IN_FLOOR, 100)), 0);
        String bridge = ns.check("tc", "class", "show", "dev", BRIDGE);
        assertTrue(bridge.contains("rate 800Kbit ceil 16Mbit"), bridge);
        UUID port = nets.listAllPorts(nets.lookupByName("qos"), 0).get(0);
        assertTrue(nets.portXmlDesc(nets.lookupByName("qos"), port, 0).contains("floor='100'"));

        // config only: the persistent definition changes, tc does not
        shim.resetLog();
        bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, MAC, List.of(ui(Domain.BANDWIDTH_OUT_AVERAGE, 64)), CONFIG);
        assertEquals(List.of(), shim.log());
        assertEquals(values(1000, 4000, 1024, 200, 64, 0, 0), get(MAC, CONFIG));
        assertEquals(values(500, 0, 0, 100, 128, 256, 32768), get("vnet0", LIVE));
        assertTrue(bed.conn.xmlDesc(ref, 2).contains("<outbound average='64'/>"), "inactive XML");

        // average 0 both ways: no shaping left, the tap back to noqueue, the floor unplugged
        bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet0", List.of(ui(Domain.BANDWIDTH_IN_AVERAGE, 0),
                ui(Domain.BANDWIDTH_OUT_AVERAGE, 0)), LIVE);
        String qdiscs = ns.check("tc", "qdisc", "show", "dev", "vnet0");
        assertFalse(qdiscs.contains("htb") || qdiscs.contains("ingress"), qdiscs);
        assertTrue(qdiscs.contains("noqueue"), qdiscs);
        assertEquals(values(0, 0, 0, 0, 0, 0, 0), get("vnet0", LIVE));
        assertFalse(bed.conn.xmlDesc(ref, 0).contains("<bandwidth"));
        assertFalse(ns.check("tc", "class", "show", "dev", BRIDGE).contains("rate 800Kbit"));
    }

    @Test
    void refusedChangesAreLibvirtsErrorsAndChangeNothing() throws Exception {
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet9",
                List.of(ui(Domain.BANDWIDTH_IN_AVERAGE, 10)), 0));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().endsWith("'vnet9' is not a known interface"), e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.ownInterfaceTuning().orElseThrow().interfaceParameters(ref, "52:54:00:00:00:09", 0));
        assertEquals(ErrorCode.INVALID_ARG, e.code());

        e = assertThrows(VirtException.class, () -> bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet0",
                List.of(ui("inbound.bogus", 10)), 0));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("parameter 'inbound.bogus' not supported"), e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet0",
                List.of(TypedParameter.ofULong(Domain.BANDWIDTH_IN_AVERAGE, 10)), 0));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("invalid type 'ullong' for parameter 'inbound.average', expected 'uint'"),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.ownInterfaceTuning().orElseThrow().interfaceParameters(ref, "vnet0", LIVE | CONFIG));
        assertEquals(ErrorCode.INVALID_ARG, e.code());

        // a floor the network cannot give: refused by the port, the tap keeps its old tree
        e = assertThrows(VirtException.class, () -> bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "vnet0",
                List.of(ui(Domain.BANDWIDTH_IN_AVERAGE, 1000), ui(Domain.BANDWIDTH_IN_FLOOR, 3000)), LIVE));
        assertTrue(e.getMessage().contains("would overcommit peak=2000 on network 'qos'"), e.getMessage());
        String classes = ns.check("tc", "class", "show", "dev", "vnet0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 8Mbit ceil 32Mbit"), classes);
        assertEquals(values(1000, 4000, 1024, 200, 128, 256, 32768), get("vnet0", LIVE));
    }
}
