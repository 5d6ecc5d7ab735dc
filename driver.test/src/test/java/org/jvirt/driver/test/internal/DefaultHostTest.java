package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.XmlFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test:///default} answers what libvirt 9.0's test driver answers; the expected texts are
 * the output of {@code virsh -c test:///default capabilities / dumpxml test}.
 */
class DefaultHostTest {
    static final UUID TEST_UUID = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    @TempDir
    Path stateDir;
    private Fixture fixture;
    private Connection conn;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(stateDir);
        conn = fixture.open();
    }

    @AfterEach
    void close() {
        conn.close();
        fixture.close();
    }

    @Test
    void connectionFacts() throws Exception {
        assertEquals("TEST", conn.type());
        assertEquals(2, conn.hypervisorVersion());
        assertEquals(32, conn.maxVcpus(null));
        assertEquals(new NodeInfo("i686", 3145728, 16, 1400, 2, 2, 2, 2), conn.nodeInfo());
        assertEquals(InetAddress.getLocalHost().getHostName(), conn.hostname());
        assertEquals("Test", fixture.driver.name());
    }

    @Test
    void capabilitiesAreLibvirts() throws Exception {
        assertEquals(Fixture.resource("libvirt-capabilities.xml"), conn.capabilities());
    }

    @Test
    void theDefaultDomainRuns() throws Exception {
        List<Domain> all = conn.listAllDomains(0);
        assertEquals(1, all.size());
        Domain test = all.get(0);
        assertEquals("test", test.name());
        assertEquals(TEST_UUID, test.uuid());
        assertEquals(1, test.id());
        assertEquals(DomainState.RUNNING, test.state().state());
        assertEquals(0, test.state().reason(), "virsh domstate --reason: running (unknown)");
        assertEquals("linux", test.osType());
        assertTrue(test.isPersistent());
        assertFalse(test.autostart());
        DomainInfo info = test.info();
        assertEquals(8388608, info.maxMemKiB());
        assertEquals(2097152, info.memoryKiB());
        assertEquals(2, info.nrVirtCpu());
        long nowNs = System.currentTimeMillis() * 1_000_000L;
        assertTrue(Math.abs(info.cpuTimeNs() - nowNs) < 60_000_000_000L, "libvirt reports the wall clock");
    }

    @Test
    void xmlIsLibvirts() throws Exception {
        Domain test = conn.lookupByName("test");
        assertEquals(Fixture.resource("libvirt-dumpxml-test.xml"), test.xmlDesc(0));
        assertEquals(Fixture.resource("libvirt-dumpxml-inactive-test.xml"), test.xmlDesc(XmlFlag.INACTIVE.bit()));
    }

    @Test
    void vcpusAsLibvirtReportsThem() throws Exception {
        Domain test = conn.lookupByName("test");
        List<VcpuInfo> vcpus = test.vcpuInfo();
        assertEquals(2, vcpus.size());
        BitSet all = new BitSet();
        all.set(0, 16);
        for (int i = 0; i < 2; i++) {
            VcpuInfo v = vcpus.get(i);
            assertEquals(i, v.number());
            assertEquals(VcpuState.RUNNING, v.state());
            assertEquals(15, v.cpu(), "the last CPU of the affinity");
            assertEquals(all, v.affinity());
            long nowUs = System.currentTimeMillis() * 1000L;
            assertTrue(Math.abs(v.cpuTimeNs() - nowUs / 10) < 60_000_000L, "wall clock in microseconds / 10");
        }
        assertEquals(List.of(all, all), test.vcpuPinInfo(0));
    }

    @Test
    void allConnectionsShareOneHost() throws Exception {
        try (Connection other = fixture.open()) {
            conn.lookupByName("test").suspend();
            assertEquals(DomainState.PAUSED, other.lookupByName("test").state().state());
        }
    }
}
