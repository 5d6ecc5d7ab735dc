package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/** Listing, lookups, information and the lifecycle of VMs on the simulator, each test on a fresh host. */
class HypervDriverTest {
    private WsmanSimulator sim;
    private DriverConnection conn;
    private String webGuid;

    @BeforeEach
    void start() throws Exception {
        sim = WsmanSimulator.start();
        webGuid = sim.addVm("web", 2, 2, 2048);
        sim.addVm("db", 3, 4, 4096);
        sim.addVm("saved", 32769, 1, 1024);
        conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static List<String> names(List<DomainRef> refs) {
        return refs.stream().map(DomainRef::name).sorted().toList();
    }

    @Test
    void listsVirtualMachinesOnlyAndFiltersByState() throws Exception {
        assertEquals(List.of("db", "saved", "web"), names(conn.listAllDomains(0)));
        assertEquals(List.of("web"), names(conn.listAllDomains(ListFlag.ACTIVE.bit())));
        assertEquals(List.of("db", "saved"), names(conn.listAllDomains(ListFlag.INACTIVE.bit())));
        assertEquals(List.of("saved"), names(conn.listAllDomains(ListFlag.MANAGEDSAVE.bit())));
        assertEquals(List.of(), names(conn.listAllDomains(ListFlag.TRANSIENT.bit())));
        assertEquals(List.of("db", "saved"), names(conn.listAllDomains(ListFlag.SHUTOFF.bit())));
    }

    @Test
    void looksUpByNameUuidAndIdWithLibvirtsErrors() throws Exception {
        DomainRef web = conn.lookupByName("web");
        assertEquals(UUID.fromString(webGuid), web.uuid());
        assertTrue(web.id() > 0, web.toString());
        assertEquals(web, conn.lookupByUuid(web.uuid()));
        assertEquals(web, conn.lookupById(web.id()));
        assertEquals(-1, conn.lookupByName("db").id());
        VirtException e = assertThrows(VirtException.class, () -> conn.lookupByName("nope"));
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertEquals("Domain not found: No domain with name nope", e.getMessage());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupById(99999)).code());
        // WQL quoting: a name with a quote is a literal, not query syntax
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class,
                () -> conn.lookupByName("x\" OR Name != \"")).code());
    }

    @Test
    void infoComesFromTheSettings() throws Exception {
        DomainRef web = conn.lookupByName("web");
        assertEquals(new DomainInfo(DomainState.RUNNING, 2048 * 1024L, 2048 * 1024L, 2, 0), conn.info(web));
        assertEquals(DomainState.SHUTOFF, conn.state(conn.lookupByName("saved")).state());
        assertTrue(conn.isPersistent(web));
    }

    @Test
    void lifecycleFollowsEnabledState() throws Exception {
        DomainRef db = conn.lookupByName("db");
        conn.create(db, 0);
        assertEquals(2, sim.enabledState("db"));
        assertEquals(DomainState.RUNNING, conn.state(db).state());
        conn.suspend(db);
        assertEquals(32768, sim.enabledState("db"));
        assertEquals(DomainState.PAUSED, conn.state(db).state());
        conn.resume(db);
        assertEquals(DomainState.RUNNING, conn.state(db).state());
        conn.reboot(db, 0);
        conn.reset(db, 0);
        assertEquals(2, sim.enabledState("db"));
        conn.shutdown(db, 0);
        assertEquals(3, sim.enabledState("db"));
        conn.create(db, 0);
        conn.destroy(db, 0);
        assertEquals(DomainState.SHUTOFF, conn.state(db).state());
        conn.create(conn.lookupByName("saved"), 0);
        assertEquals(2, sim.enabledState("saved"));
    }

    @Test
    void lifecycleRefusesWrongStatesAsLibvirt() throws Exception {
        DomainRef web = conn.lookupByName("web");
        DomainRef db = conn.lookupByName("db");
        assertEquals("Requested operation is not valid: Domain is already active or is in state transition",
                assertThrows(VirtException.class, () -> conn.create(web, 0)).getMessage());
        assertEquals("Requested operation is not valid: Domain is not paused",
                assertThrows(VirtException.class, () -> conn.resume(web)).getMessage());
        assertEquals("Requested operation is not valid: Domain is not active",
                assertThrows(VirtException.class, () -> conn.suspend(db)).getMessage());
        assertEquals("Requested operation is not valid: Domain is not active or is in state transition",
                assertThrows(VirtException.class, () -> conn.destroy(db, 0)).getMessage());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, () -> conn.shutdown(db, 0)).code());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class, () -> conn.destroy(web, 1)).code());
    }

    @Test
    void failingJobIsAnErrorWithTheJobsDescription() throws Exception {
        DomainRef db = conn.lookupByName("db");
        sim.failNextJob("'db' failed to start. Not enough memory in the system to start the virtual machine db.");
        VirtException e = assertThrows(VirtException.class, () -> conn.create(db, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: Concrete job for RequestStateChange invocation is in error state (exception):"
                + " 'db' failed to start. Not enough memory in the system to start the virtual machine db."
                + " (error code 32768)", e.getMessage());
        assertEquals(3, sim.enabledState("db"));
    }

    @Test
    void jobThatNeverEndsTimesOut() throws Exception {
        DriverConnection quick = new HypervDriver(HypervTestSupport.config(1, 1 << 20), HypervTestSupport.CODEC)
                .open(HypervTestSupport.uri(sim, WsmanSimulator.USER),
                        new HypervTestSupport.Auth(WsmanSimulator.PASSWORD), 0).orElseThrow();
        sim.stallJobs(true);
        VirtException e = assertThrows(VirtException.class, () -> quick.create(quick.lookupByName("db"), 0));
        assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
        assertEquals("Timed out during operation: Timeout waiting for RequestStateChange invocation", e.getMessage());
    }

    @Test
    void dumpxmlIsAHypervDomain() throws Exception {
        DomainRef web = conn.lookupByName("web");
        String xml = conn.xmlDesc(web, 0);
        DomainDef def = HypervTestSupport.CODEC.parse(xml, 0);
        assertEquals("hyperv", def.type());
        assertEquals("web", def.name());
        assertEquals(web.uuid(), def.uuid());
        assertEquals(2048 * 1024L, def.memory().kib());
        assertEquals(2, def.vcpu().count());
        assertTrue(xml.contains("<domain type='hyperv' id='" + web.id() + "'>"), xml);
        assertFalse(conn.xmlDesc(web, 2).contains(" id="), "inactive XML has no ID");
    }
}
