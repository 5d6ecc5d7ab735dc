package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/**
 * The bridge's QoS on a real bridge in the test's network namespace, read back with {@code tc}: the
 * network's {@code <bandwidth>} as libvirt's virNetDevBandwidthSet builds it (HTB root with class 1:1
 * and the non-guaranteed 1:2 with its SFQ, ingress policing for outbound), a port's {@code floor} as
 * virNetDevBandwidthPlug (class 1:3, SFQ 3:, u32 filter on the MAC) with 1:2 getting what the floors
 * leave, a floor change, an overcommit refused, the unplug, and the stop removing it all.
 */
class BridgeQosTest extends NamespacedNetworkTest {
    static final String NET = """
            <network>
              <name>qos</name>
              <forward mode='nat'/>
              <bridge name='virbr7'/>
              <bandwidth>
                <inbound average='1000' peak='2000' burst='512'/>
                <outbound average='500'/>
              </bandwidth>
              <ip address='192.168.157.1' netmask='255.255.255.0'/>
            </network>
            """;
    static final String PORT = """
            <networkport>
              <uuid>%s</uuid>
              <owner><name>guest1</name><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>
              <mac address='%s'/>
              <bandwidth><inbound floor='%d'/></bandwidth>
            </networkport>
            """;

    TcShim shim;

    BridgeQosTest() {
        super("jvt-qos");
    }

    /** The namespace's prefix, then the shim's: tc runs through it (see {@link TcShim}). */
    @Override
    List<String> commandPrefix(Netns namespace) throws Exception {
        shim = new TcShim(dir);
        return shim.prefix(namespace);
    }

    @Test
    void networkQosAndPortFloors() throws Exception {
        Network net = conn.createNetwork(NET, 0);
        // swapped: the guests' inbound is shaped where the bridge transmits, their outbound policed at ingress
        String qdiscs = tc("qdisc", "show", "dev", "virbr7");
        assertTrue(qdiscs.contains("qdisc htb 1: root") && qdiscs.contains("default 0x2"), qdiscs);
        assertTrue(qdiscs.contains("qdisc ingress ffff: parent ffff:fff1"), qdiscs);
        // libvirt's commands for the bridge (virNetDevBandwidthSet with a hierarchy, swapped)
        assertEquals(List.of("tc qdisc del dev virbr7 root", "tc qdisc del dev virbr7 ingress",
                "tc qdisc add dev virbr7 root handle 1: htb default 2",
                "tc class add dev virbr7 parent 1: classid 1:1 htb rate 1000kbps ceil 2000kbps quantum 85",
                "tc class add dev virbr7 parent 1:1 classid 1:2 htb rate 1000kbps ceil 2000kbps burst 512kb quantum 85",
                "tc qdisc add dev virbr7 parent 1:2 handle 2: sfq perturb 10",
                "tc filter add dev virbr7 parent 1:0 protocol all prio 1 handle 1 fw flowid 1",
                "tc qdisc add dev virbr7 ingress",
                "tc filter add dev virbr7 parent ffff: protocol all u32 match u32 0 0 police rate 500kbps burst 500kb "
                        + "mtu 64kb drop flowid :1"), shim.log().stream().filter(l -> l.contains("virbr7")).toList());
        String classes = tc("class", "show", "dev", "virbr7");
        // 1000 kB/s average, 2000 kB/s peak, 512 kB burst (on the default class only); tc prints bits
        assertTrue(classes.contains("class htb 1:1 root rate 8Mbit ceil 16Mbit"), classes);
        assertTrue(classes.contains("class htb 1:2 parent 1:1 prio 0 rate 8Mbit ceil 16Mbit burst 512Kb"), classes);
        assertTrue(tc("-s", "class", "show", "dev", "virbr7").contains("Sent 0 bytes"), "statistics readable");
        // exactly the commands this kernel cannot run were let through, and what it can run is there
        TcShim.Lacks lacks = TcShim.lacks(ns);
        List<String> expected = new ArrayList<>();
        if (lacks.sfq()) {
            expected.add("tc qdisc add dev virbr7 parent 1:2 handle 2: sfq perturb 10");
        }
        if (lacks.fw()) {
            expected.add("tc filter add dev virbr7 parent 1:0 protocol all prio 1 handle 1 fw flowid 1");
        }
        if (lacks.police()) {
            expected.add("tc filter add dev virbr7 parent ffff: protocol all u32 match u32 0 0 police rate 500kbps "
                    + "burst 500kb mtu 64kb drop flowid :1");
        }
        assertEquals(expected, shim.skipped(), "only what this kernel lacks is let through");
        assertEquals(!lacks.sfq(), qdiscs.contains("qdisc sfq 2: parent 1:2"), qdiscs);

        UUID first = UUID.randomUUID();
        NetworkPort port = net.createPort(PORT.formatted(first, "52:54:00:12:34:56", 300), 0);
        assertTrue(port.xmlDesc(0).contains("<bandwidth classID='3'>\n    <inbound floor='300'/>"), port.xmlDesc(0));
        classes = tc("class", "show", "dev", "virbr7");
        assertTrue(classes.contains("class htb 1:3 parent 1:1 prio 0 rate 2400Kbit ceil 16Mbit"), classes);
        // the non-guaranteed class keeps the peak less the floors: 2000 - 300 kB/s
        assertTrue(classes.contains("class htb 1:2 parent 1:1 prio 0 rate 13600Kbit ceil 16Mbit"), classes);
        String filters = tc("filter", "show", "dev", "virbr7");
        assertTrue(filters.contains("flowid 1:3") && filters.contains("match 00123456/ffffffff at -12")
                && filters.contains("match 00005254/0000ffff at -16"), filters);

        VirtException over = assertThrows(VirtException.class, () -> net.createPort(
                PORT.formatted(UUID.randomUUID(), "52:54:00:12:34:57", 1800), 0));
        assertEquals(ErrorCode.OPERATION_INVALID, over.code());
        assertEquals("Requested operation is not valid: Cannot plug '52:54:00:12:34:57' interface into 'virbr7' "
                + "because new combined inbound floor=2100 would overcommit peak=2000 on network 'qos'",
                over.getMessage());

        port.setParameters(List.of(uint(NetworkPort.BANDWIDTH_IN_FLOOR, 500)), 0);
        classes = tc("class", "show", "dev", "virbr7");
        assertTrue(classes.contains("class htb 1:3 parent 1:1 prio 0 rate 4Mbit ceil 16Mbit"), classes);
        assertTrue(classes.contains("class htb 1:2 parent 1:1 prio 0 rate 12Mbit ceil 16Mbit"), classes);

        NetworkPort second = net.createPort(PORT.formatted(UUID.randomUUID(), "52:54:00:12:34:58", 100), 0);
        assertTrue(second.xmlDesc(0).contains("classID='4'"), second.xmlDesc(0));
        port.delete(0);
        classes = tc("class", "show", "dev", "virbr7");
        assertFalse(classes.contains("class htb 1:3 "), classes);
        assertTrue(classes.contains("class htb 1:2 parent 1:1 prio 0 rate 15200Kbit ceil 16Mbit"), classes);
        assertFalse(tc("filter", "show", "dev", "virbr7").contains("flowid 1:3"));
        // the freed class id is taken again
        NetworkPort third = net.createPort(PORT.formatted(UUID.randomUUID(), "52:54:00:12:34:59", 100), 0);
        assertTrue(third.xmlDesc(0).contains("classID='3'"), third.xmlDesc(0));

        net.destroy();
        assertTrue(ns.exec("ip", "link", "show", "virbr7").exit() != 0, "the bridge and its QoS are gone");
    }

    @Test
    void floorNeedsTheNetworksInboundQos() throws Exception {
        Network net = conn.createNetwork(NET.replace("<inbound average='1000' peak='2000' burst='512'/>", ""), 0);
        assertTrue(tc("qdisc", "show", "dev", "virbr7").contains("qdisc ingress ffff:"), "outbound only: policing");
        assertFalse(tc("qdisc", "show", "dev", "virbr7").contains("htb"), "no inbound: no HTB tree");
        VirtException e = assertThrows(VirtException.class, () -> net.createPort(
                PORT.formatted(UUID.randomUUID(), "52:54:00:12:34:56", 10), 0));
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().endsWith("Invalid use of 'floor' on interface with MAC address 52:54:00:12:34:56 "
                + "- network 'qos' has no inbound QoS set"), e.getMessage());
    }

    private String tc(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "tc";
        System.arraycopy(args, 0, all, 1, args.length);
        return ns.check(all);
    }

    private static TypedParameter uint(String field, long value) {
        return new TypedParameter(field, ParameterType.UINT, value);
    }
}
