package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NetworkPortCreateFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/**
 * Network ports through the public API on a NAT network run inside the test's network namespace:
 * allocation (libvirt's networkAllocatePort), XML, list, lookup, bandwidth parameters, the live
 * network's connection count, a driver restart finding the ports, destroy dropping them, and
 * libvirt's errors.
 */
class NetworkPortTest extends NamespacedNetworkTest {
    static final String PORT = """
            <networkport>
              <uuid>%s</uuid>
              <owner>
                <name>guest1</name>
                <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>
              </owner>
              <mac address='52:54:00:7B:35:93'/>
              <bandwidth>
                <inbound average='1000' peak='4000' burst='1024'/>
              </bandwidth>
            </networkport>
            """;

    NetworkPortTest() {
        super("jvt-port");
    }

    @Test
    void portLifecycle() throws Exception {
        Network net = conn.defineNetwork(NetworkLifecycleTest.NAT.replace("<forward mode='nat'/>",
                "<forward mode='nat'/><port isolated='yes'/>"), 0);
        UUID id = UUID.randomUUID();
        VirtException inactive = assertThrows(VirtException.class, () -> net.createPort(PORT.formatted(id), 0));
        assertEquals(ErrorCode.OPERATION_INVALID, inactive.code());
        assertEquals("Requested operation is not valid: network 'lab' is not active", inactive.getMessage());
        net.create(0);

        NetworkPort port = net.createPort(PORT.formatted(id), 0);
        assertEquals(id, port.uuid());
        String xml = port.xmlDesc(0);
        assertTrue(xml.contains("<mac address='52:54:00:7b:35:93'/>"), xml);
        assertTrue(xml.contains("<plug type='network' bridge='virbr0'/>"), xml);
        assertTrue(xml.contains("<port isolated='yes'/>"), "the network's isolation is inherited: " + xml);
        assertTrue(net.xmlDesc(0).contains("<network connections='1'>"), net.xmlDesc(0));
        assertEquals(List.of(id), net.listAllPorts(0).stream().map(NetworkPort::uuid).toList());
        assertEquals(id, net.lookupPortByUuid(id).uuid());

        VirtException exists = assertThrows(VirtException.class, () -> net.createPort(PORT.formatted(id), 0));
        assertEquals(ErrorCode.NETWORK_PORT_EXIST, exists.code());
        assertEquals("network port already exists: Network port with UUID " + id + " already exists",
                exists.getMessage());
        VirtException reclaim = assertThrows(VirtException.class, () -> net.createPort(
                PORT.formatted(UUID.randomUUID()), NetworkPortCreateFlag.RECLAIM.bit()));
        assertEquals(ErrorCode.INVALID_ARG, reclaim.code());
        assertTrue(reclaim.getMessage().endsWith("Port reclaim requested but plug type is none"), reclaim.getMessage());

        assertEquals(List.of(uint(NetworkPort.BANDWIDTH_IN_AVERAGE, 1000), uint(NetworkPort.BANDWIDTH_IN_PEAK, 4000),
                uint(NetworkPort.BANDWIDTH_IN_FLOOR, 0), uint(NetworkPort.BANDWIDTH_IN_BURST, 1024)),
                port.parameters(0));
        port.setParameters(List.of(uint(NetworkPort.BANDWIDTH_OUT_AVERAGE, 128),
                uint(NetworkPort.BANDWIDTH_OUT_BURST, 256)), 0);
        assertTrue(port.xmlDesc(0).contains("<bandwidth>\n    <outbound average='128' burst='256'/>\n  </bandwidth>"),
                port.xmlDesc(0));
        assertEquals(3, port.parameters(0).size());
        VirtException floor = assertThrows(VirtException.class, () -> port.setParameters(
                List.of(uint(NetworkPort.BANDWIDTH_IN_FLOOR, 10)), 0));
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, floor.code());
        assertTrue(floor.getMessage().contains("network 'lab' has no inbound QoS set"), floor.getMessage());

        // a new driver instance on the same state finds the running network's port
        NetworkHost again = new NetworkHost(dir, ns.prefix());
        try (Connection c2 = again.open()) {
            Network n2 = c2.lookupNetworkByName("lab");
            assertEquals(port.xmlDesc(0), n2.lookupPortByUuid(id).xmlDesc(0));
        }

        port.delete(0);
        VirtException gone = assertThrows(VirtException.class, () -> net.lookupPortByUuid(id));
        assertEquals(ErrorCode.NO_NETWORK_PORT, gone.code());
        assertEquals("network port not found: Network port with UUID " + id + " does not exist", gone.getMessage());
        assertTrue(net.xmlDesc(0).startsWith("<network>"), net.xmlDesc(0));

        NetworkPort second = net.createPort(PORT.formatted(UUID.randomUUID()), 0);
        net.destroy();
        net.create(0);
        assertEquals(List.of(), net.listAllPorts(0), "a destroyed network drops its ports");
        assertEquals(ErrorCode.NO_NETWORK_PORT, assertThrows(VirtException.class, () -> second.xmlDesc(0)).code());

        try (Connection ro = host.openReadOnly()) {
            Network seen = ro.lookupNetworkByName("lab");
            assertEquals(ErrorCode.OPERATION_DENIED, assertThrows(VirtException.class,
                    () -> seen.createPort(PORT.formatted(UUID.randomUUID()), 0)).code());
        }
    }

    private static TypedParameter uint(String field, long value) {
        return new TypedParameter(field, ParameterType.UINT, value);
    }
}
