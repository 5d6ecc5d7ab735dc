package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/** define, undefine, setmem, setmaxmem, setvcpus and autostart through DefineSystem and its siblings. */
class HypervDefineTest {
    private static final String XML = "<domain type='hyperv'><name>new1</name><description>made by jvirt</description>"
            + "<memory unit='MiB'>1536</memory><currentMemory unit='MiB'>1023</currentMemory><vcpu>3</vcpu>"
            + "<os><type>hvm</type></os></domain>";

    private WsmanSimulator sim;
    private DriverConnection conn;

    @BeforeEach
    void start() throws Exception {
        sim = WsmanSimulator.start();
        sim.addVm("web", 2, 2, 2048);
        conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void definesWithCpuAndMemoryThenUndefines() throws Exception {
        DomainRef dom = conn.defineXml(XML, 0);
        assertEquals("new1", dom.name());
        assertEquals(-1, dom.id());
        // 1023 MiB is rounded up to Hyper-V's 2 MiB granularity
        assertEquals(new DomainInfo(DomainState.SHUTOFF, 1536 * 1024L, 1024 * 1024L, 3, 0), conn.info(dom));
        assertTrue(conn.xmlDesc(dom, 0).contains("<description>made by jvirt</description>"));
        assertEquals(2, sim.count("Msvm_ProcessorSettingData"));
        conn.undefine(dom, 0);
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupByName("new1")).code());
        assertEquals(1, sim.count("Msvm_ProcessorSettingData"));
        assertEquals(1, sim.count("Msvm_VirtualSystemSettingData"));
    }

    @Test
    void refusedSettingsUndoTheDefinition() {
        String tooMany = XML.replace("<vcpu>3</vcpu>", "<vcpu>64</vcpu>");
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(tooMany, 0));
        assertEquals("internal error: Invocation of ModifyResourceSettings returned an error: Invalid parameter (32773)",
                e.getMessage());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupByName("new1")).code());
        assertEquals(1, sim.count("Msvm_VirtualSystemSettingData"));
        assertEquals(1, sim.count("Msvm_MemorySettingData"));
    }

    @Test
    void failedDefineJobLeavesNothing() {
        sim.failNextJob("The operation failed because the file was not found.");
        VirtException e = assertThrows(VirtException.class, () -> conn.defineXml(XML, 0));
        assertTrue(e.getMessage().contains("Concrete job for DefineSystem invocation is in error state"), e.getMessage());
        assertEquals(1, sim.count("Msvm_ComputerSystem") - 1);
    }

    @Test
    void refusesAnExistingUuidOrNameBeforeDefineSystem() throws Exception {
        DomainRef web = conn.lookupByName("web");
        int instances = sim.instanceCount();
        // libvirt 9.0's check: a VM with the XML's UUID, whatever the name
        String sameUuid = XML.replace("<name>new1</name>", "<name>new1</name><uuid>" + web.uuid() + "</uuid>");
        VirtException uuid = assertThrows(VirtException.class, () -> conn.defineXml(sameUuid, 0));
        assertEquals(ErrorCode.DOM_EXIST, uuid.code());
        assertEquals("domain Domain already exists with UUID '" + web.uuid() + "' exists already", uuid.getMessage());
        // the name: libvirt would define a second "web" and then fail to look it up; jvirt creates nothing
        VirtException name = assertThrows(VirtException.class, () -> conn.defineXml(XML.replace("new1", "web"), 0));
        assertEquals(ErrorCode.DOM_EXIST, name.code());
        assertEquals("domain Domain already exists with name 'web' exists already", name.getMessage());
        assertEquals(instances, sim.instanceCount());
        assertEquals(1, sim.count("Msvm_VirtualSystemSettingData"));
        // the existing VM is untouched
        assertEquals(2, conn.info(web).nrVirtCpu());
        assertEquals(DomainState.RUNNING, conn.info(web).state());
        assertEquals(web.uuid(), conn.lookupByName("web").uuid());
    }

    @Test
    void namesHyperVHoldsTwiceAreLookedUpByUuidOnly() throws Exception {
        String first = sim.addVm("twin", 3, 1, 512);
        sim.addVm("twin", 3, 1, 512);
        VirtException e = assertThrows(VirtException.class, () -> conn.lookupByName("twin"));
        assertEquals(ErrorCode.MULTIPLE_DOMAINS, e.code());
        assertTrue(e.getMessage().endsWith("Multiple domains exist with the name 'twin': repeat the request using a"
                + " UUID"), e.getMessage());
        assertEquals("twin", conn.lookupByUuid(java.util.UUID.fromString(first)).name());
        assertEquals(ErrorCode.DOM_EXIST, assertThrows(VirtException.class,
                () -> conn.defineXml(XML.replace("new1", "twin"), 0)).code());
        assertEquals(2, sim.count("Msvm_VirtualSystemSettingData") - 1);
    }

    @Test
    void refusesOtherTypesAndBadXml() {
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, assertThrows(VirtException.class,
                () -> conn.defineXml(XML.replace("type='hyperv'", "type='kvm'"), 0)).code());
        assertEquals(ErrorCode.XML_DETAIL, assertThrows(VirtException.class, () -> conn.defineXml("<domain", 0)).code());
        assertEquals(1, sim.count("Msvm_VirtualSystemSettingData"));
    }

    @Test
    void undefineRefusesARunningVm() throws Exception {
        DomainRef web = conn.lookupByName("web");
        assertEquals("Requested operation is not valid: Cannot undefine active domain",
                assertThrows(VirtException.class, () -> conn.undefine(web, 0)).getMessage());
    }

    @Test
    void setsMemoryAndVcpus() throws Exception {
        DomainRef web = conn.lookupByName("web");
        conn.setMemory(web, 1024 * 1024L, 0);
        assertEquals(1024 * 1024L, conn.info(web).memoryKiB());
        conn.setMemory(web, 4096 * 1024L, MemoryFlag.MAXIMUM.bit());
        assertEquals(4096 * 1024L, conn.info(web).maxMemKiB());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class,
                () -> conn.setMemory(web, 8192 * 1024L, 0)).code());
        // Hyper-V changes processors only while the VM is off
        VirtException running = assertThrows(VirtException.class, () -> conn.setVcpus(web, 4, 0));
        assertEquals("internal error: Invocation of ModifyResourceSettings returned an error: Invalid state for this"
                + " operation (32775)", running.getMessage());
        conn.destroy(web, 0);
        conn.setVcpus(web, 4, 0);
        assertEquals(4, conn.info(web).nrVirtCpu());
    }

    @Test
    void autostartIsAutomaticStartupAction() throws Exception {
        DomainRef web = conn.lookupByName("web");
        assertFalse(conn.autostart(web));
        conn.setAutostart(web, true);
        assertTrue(conn.autostart(web));
        conn.setAutostart(web, false);
        assertFalse(conn.autostart(web));
    }
}
