package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListFlag;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;

/**
 * The driver against VMware's simulator of one ESX host (two VMs, powered on): listing, lookups,
 * the lifecycle, reconfiguration, host information and the simulator's known gaps as errors.
 * Each test works on its own VM state and puts back what it changes.
 */
class EsxDriverVcsimTest {
    @TempDir
    static Path dir;
    private static Vcsim sim;
    private static DriverConnection conn;

    @BeforeAll
    static void start() throws Exception {
        sim = Vcsim.start(3);
        conn = EsxTestSupport.open(EsxTestSupport.credentialsFile(dir),
                EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static DomainRef vm(int n) throws VirtException {
        return conn.lookupByName("ha-host_VM" + n);
    }

    @Test
    void listsEveryVmWithIdsFromTheManagedObjectReference() throws Exception {
        List<DomainRef> all = conn.listAllDomains(0);
        List<String> names = new ArrayList<>();
        for (DomainRef d : all) {
            names.add(d.name());
            // the simulator's references are vm-N; libvirt's ID is N
            assertTrue(d.id() > 0, d.toString());
            assertEquals(d, conn.lookupById(d.id()));
            assertEquals(d, conn.lookupByUuid(d.uuid()));
        }
        assertTrue(names.containsAll(List.of("ha-host_VM0", "ha-host_VM1", "ha-host_VM2")), names.toString());
        assertEquals(0, conn.listAllDomains(ListFlag.INACTIVE.bit()).size());
        assertEquals(0, conn.listAllDomains(ListFlag.TRANSIENT.bit()).size());
        assertEquals(all.size(), conn.listAllDomains(ListFlag.PERSISTENT.bit() | ListFlag.RUNNING.bit()).size());
    }

    @Test
    void unknownDomainsAreLibvirtsNoDomain() {
        VirtException byName = assertThrows(VirtException.class, () -> conn.lookupByName("nope"));
        assertEquals(ErrorCode.NO_DOMAIN, byName.code());
        assertEquals(ErrorDomain.ESX, byName.domain());
        assertEquals("Domain not found: Could not find domain with name 'nope'", byName.getMessage());
        VirtException byId = assertThrows(VirtException.class, () -> conn.lookupById(999_999));
        assertEquals("Domain not found: No domain with ID 999999", byId.getMessage());
    }

    @Test
    void domainInfoAndState() throws Exception {
        DomainRef d = vm(0);
        DomainInfo info = conn.info(d);
        assertEquals(DomainState.RUNNING, info.state());
        // the simulator's VMs have 32 MiB and one vCPU, as libvirt's virsh dominfo shows them
        assertEquals(32 * 1024, info.maxMemKiB());
        assertEquals(32 * 1024, info.memoryKiB());
        assertEquals(1, info.nrVirtCpu());
        assertEquals(DomainState.RUNNING, conn.state(d).state());
        assertEquals("hvm", conn.osType(d));
        assertTrue(conn.isPersistent(d));
    }

    @Test
    void suspendResumeDestroyStart() throws Exception {
        DomainRef d = vm(1);
        conn.suspend(d);
        assertEquals(DomainState.PAUSED, conn.state(d).state());
        VirtException again = assertThrows(VirtException.class, () -> conn.suspend(d));
        assertEquals(ErrorCode.OPERATION_INVALID, again.code());
        assertEquals("Requested operation is not valid: Domain is not powered on", again.getMessage());
        conn.resume(d);
        assertEquals(DomainState.RUNNING, conn.state(d).state());
        assertThrows(VirtException.class, () -> conn.resume(d));

        int id = d.id();
        conn.destroy(d, 0);
        assertEquals(DomainState.SHUTOFF, conn.state(d).state());
        assertEquals(-1, conn.lookupByName(d.name()).id());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupById(id)).code());
        assertEquals(1, conn.listAllDomains(ListFlag.INACTIVE.bit()).size());
        VirtException notOn = assertThrows(VirtException.class, () -> conn.destroy(d, 0));
        assertEquals("Requested operation is not valid: Domain is not powered on", notOn.getMessage());

        conn.create(d, 0);
        assertEquals(DomainState.RUNNING, conn.state(d).state());
        assertEquals(id, conn.lookupByName(d.name()).id());
        VirtException notOff = assertThrows(VirtException.class, () -> conn.create(d, 0));
        assertEquals("Requested operation is not valid: Domain is not powered off", notOff.getMessage());
    }

    @Test
    void rebootIsMissingInTheSimulatorAndReportedAsLibvirtDoes() throws Exception {
        DomainRef d = vm(0);
        VirtException e = assertThrows(VirtException.class, () -> conn.reboot(d, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        String moref = "vm-" + d.id();
        assertEquals("internal error: HTTP response code 500 for call to 'RebootGuest'. Fault: ServerFaultCode - "
                + "VirtualMachine:" + moref + " does not implement: RebootGuest", e.getMessage());
        assertEquals(DomainState.RUNNING, conn.state(d).state());
    }

    /** The fixture's HostAutoStartManager (autostart.go): host autostart off, no VM listed at first. */
    @Test
    void autostartIsSetInTheHostsAutoStartManager() throws Exception {
        DomainRef d0 = vm(0);
        DomainRef d1 = vm(1);
        assertFalse(conn.autostart(d0));
        assertEquals(0, conn.listAllDomains(ListFlag.AUTOSTART.bit()).size());
        conn.setAutostart(d0, true); // also turns the host's autostart on: no other VM is listed
        assertTrue(conn.autostart(d0));
        assertFalse(conn.autostart(d1));
        assertEquals(List.of(d0), conn.listAllDomains(ListFlag.AUTOSTART.bit()));
        conn.setAutostart(d1, true);
        assertTrue(conn.autostart(d1));
        conn.setAutostart(d0, false);
        conn.setAutostart(d1, false);
        assertFalse(conn.autostart(d0));
        assertFalse(conn.autostart(d1));
        assertEquals(0, conn.listAllDomains(ListFlag.AUTOSTART.bit()).size());
    }

    @Test
    void shutdownAsksTheGuestAndReconfigureWhileOff() throws Exception {
        DomainRef d = vm(2);
        conn.shutdown(d, 0);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (conn.state(d).state() != DomainState.SHUTOFF && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(DomainState.SHUTOFF, conn.state(d).state());
        assertThrows(VirtException.class, () -> conn.shutdown(d, 0));

        conn.setMemory(d, 64 * 1024, MemoryFlag.MAXIMUM.bit());
        assertEquals(64 * 1024, conn.info(d).maxMemKiB());
        conn.setVcpus(d, 2, 0);
        assertEquals(2, conn.info(d).nrVirtCpu());
        VirtException zero = assertThrows(VirtException.class, () -> conn.setVcpus(d, 0, 0));
        assertEquals("invalid argument: Requested number of virtual CPUs must at least be 1", zero.getMessage());
        conn.setMemory(d, 16 * 1024, 0);
        assertEquals(16 * 1024, conn.info(d).memoryKiB());
        assertEquals(64 * 1024, conn.info(d).maxMemKiB());
        VirtException flags = assertThrows(VirtException.class, () -> conn.setVcpus(d, 1, 1 << 8));
        assertEquals("invalid argument: unsupported flags (0x100) in function esxDomainSetVcpusFlags",
                flags.getMessage());

        conn.create(d, 0);
        VirtException running = assertThrows(VirtException.class,
                () -> conn.setMemory(d, 32 * 1024, MemoryFlag.MAXIMUM.bit()));
        assertEquals("Requested operation is not valid: Domain is not powered off", running.getMessage());
    }

    @Test
    void nodeInfoCapabilitiesVersion() throws Exception {
        NodeInfo node = conn.nodeInfo();
        assertTrue(node.cpus() > 0 && node.memoryKiB() > 0 && node.mhz() > 0 && node.sockets() > 0, node.toString());
        assertEquals(node.cpus(), node.sockets() * node.cores());
        assertFalse(node.model().isEmpty());
        assertTrue(node.model().length() <= 31);
        String caps = conn.capabilities();
        assertTrue(caps.contains("<arch>x86_64</arch>"), caps);
        assertTrue(caps.contains("<domain type='vmware'/>"), caps);
        // 6.5.0 as the simulator's about.version says
        assertEquals(6_005_000L, conn.hypervisorVersion());
        assertEquals("ESX", conn.type());
    }

    @Test
    void datastoresAreStoragePools() throws Exception {
        StorageDriverConnection storage = conn.ownStorage().orElseThrow();
        List<StoragePoolRef> pools = storage.listAllPools(0);
        assertEquals(1, pools.size(), pools.toString());
        StoragePoolRef pool = pools.get(0);
        // the simulator's one local datastore
        assertTrue(pool.name().startsWith("LocalDS_"), pool.name());
        assertEquals(pool, storage.lookupPoolByName(pool.name()));
        assertEquals(pool, storage.lookupPoolByUuid(pool.uuid()));
        StoragePoolInfo info = storage.poolInfo(pool);
        assertEquals(StoragePoolState.RUNNING, info.state());
        assertTrue(info.capacity() > 0);
        assertEquals(info.capacity() - info.available(), info.allocation());
        assertTrue(storage.poolIsActive(pool) && storage.poolIsPersistent(pool) && storage.poolAutostart(pool));
        assertEquals(pools, storage.listAllPools(StoragePoolListFlag.ACTIVE.bit()));
        assertEquals(List.of(), storage.listAllPools(StoragePoolListFlag.INACTIVE.bit()));
        VirtException none = assertThrows(VirtException.class, () -> storage.lookupPoolByName("nope"));
        assertEquals(ErrorCode.NO_STORAGE_POOL, none.code());
        assertEquals("Storage pool not found: Could not find storage pool with name 'nope'", none.getMessage());
        assertEquals(ErrorCode.NO_SUPPORT, assertThrows(VirtException.class,
                () -> storage.definePool("<pool/>", 0)).code());
    }

    /** The simulator's own VMs have empty VMX files (define/dumpxml: EsxDomainXmlTest). */
    @Test
    void dumpxmlOfAnEmptyVmxFileFails() {
        VirtException e = assertThrows(VirtException.class, () -> conn.xmlDesc(vm(0), 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: Missing essential config entry 'config.version'", e.getMessage());
    }
}
