package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact errors, IDs and lifecycle actions of libvirt 9.0's test driver, as
 * python3-libvirt reports them against {@code test:///default}.
 */
class LifecycleErrorsTest {
    private static final String M_UUID = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path stateDir;
    private Fixture fixture;
    private Connection conn;
    private Domain test;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(stateDir);
        conn = fixture.open();
        test = conn.lookupByName("test");
    }

    @AfterEach
    void close() {
        conn.close();
        fixture.close();
    }

    static String xml(String name, String extra) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + M_UUID + "</uuid>"
                + "<memory>1024</memory><vcpu>2</vcpu><os><type>hvm</type></os>" + extra + "</domain>";
    }

    static void assertError(ErrorCode code, ErrorDomain domain, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(code, e.code());
        assertEquals(domain, e.domain());
    }

    @Test
    void stateErrorsAreLibvirts() throws Exception {
        assertError(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "internal error: Domain 'test' is already running",
                () -> test.create(0));
        assertError(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "internal error: domain 'test' not paused", test::resume);
        test.suspend();
        assertError(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "internal error: domain 'test' not running", test::suspend);
        test.destroy(0);
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> test.destroy(0));
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running", () -> test.reboot(0));
        assertError(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "internal error: domain 'test' not running",
                () -> test.shutdown(0));
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: cannot list vcpus for an inactive domain", test::vcpuInfo);
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: cannot pin vcpus on an inactive domain",
                () -> test.pinVcpu(0, new BitSet(), 0));
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                "Requested operation is not valid: domain is not running",
                () -> test.vcpuPinInfo(ModificationFlag.LIVE.bit()));
    }

    @Test
    void lookupsAndVanishedDomains() throws Exception {
        assertError(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found", () -> conn.lookupByName("nope"));
        assertError(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found", () -> conn.lookupById(99));
        assertError(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found",
                () -> conn.lookupByUuid(UUID.randomUUID()));
        Domain m = conn.defineXml(xml("m", ""), 0);
        m.undefine(0);
        assertError(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                "Domain not found: no domain with matching uuid '" + M_UUID + "' (m)", m::state);
    }

    @Test
    void conflictsAreLibvirts() throws Exception {
        String testUuid = "6695eb01-f6a4-8304-79aa-97f2502e193f";
        String xml = test.xmlDesc(XmlFlag.INACTIVE.bit());
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                "Requested operation is not valid: domain 'test' is already active", () -> conn.createXml(xml, 0));
        assertError(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                "operation failed: domain 'test' is already defined with uuid " + testUuid,
                () -> conn.defineXml(xml.replace("<name>test</name>", "<name>other</name>"), 0));
        assertError(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                "operation failed: domain 'test' already exists with uuid " + testUuid,
                () -> conn.defineXml(xml.replace(testUuid, M_UUID), 0));
        assertError(ErrorCode.XML_DETAIL, ErrorDomain.XML, "invalid char in name: \n",
                () -> conn.defineXml(xml("a\nb", ""), 0));
    }

    @Test
    void unsupportedFlagsNameTheFunction() {
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x2) in function testDomainCreateWithFlags",
                () -> test.create(2));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainCreateXML",
                () -> conn.createXml(xml("m", ""), 1));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x4) in function testDomainDestroyFlags", () -> test.destroy(4));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainShutdownFlags",
                () -> test.shutdown(1));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x4) in function testDomainGetXMLDesc",
                () -> test.xmlDesc(XmlFlag.UPDATE_CPU.bit()));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x10000) in function testConnectListAllDomains",
                () -> conn.listAllDomains(0x10000));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainPinVcpuFlags",
                () -> test.pinVcpu(0, new BitSet(), ModificationFlag.LIVE.bit()));
    }

    @Test
    void idsCountUpAcrossDomains() throws Exception {
        test.destroy(0);
        Domain m = conn.defineXml(xml("m", ""), 0);
        m.create(0);
        assertEquals(2, m.id());
        test.create(0);
        assertEquals(3, test.id());
        Domain t = conn.createXml(xml("t", "").replace(M_UUID, UUID.randomUUID().toString()), 0);
        assertEquals(4, t.id());
    }

    @Test
    void lifecycleActionsDecideWhatShutdownAndRebootDo() throws Exception {
        Domain r = conn.createXml(xml("r", "<on_poweroff>restart</on_poweroff><on_reboot>destroy</on_reboot>"), 0);
        r.shutdown(0);
        assertEquals(StateReason.RUNNING_BOOTED, r.state().namedReason());
        r.reboot(0);
        assertThrows(VirtException.class, r::state, "a transient domain is gone once stopped");
        test.suspend();
        test.shutdown(0);
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, test.state().namedReason(), "a paused domain shuts down too");
    }

    @Test
    void pinningChangesOnlyTheLiveDefinition() throws Exception {
        Domain m = conn.defineXml(xml("m", ""), 0);
        m.create(0);
        BitSet set = new BitSet();
        set.set(0);
        set.set(3, 5);
        m.pinVcpu(0, set, 0);
        assertTrue(m.xmlDesc(0).contains("<vcpupin vcpu='0' cpuset='0,3-4'/>"));
        assertFalse(m.xmlDesc(XmlFlag.INACTIVE.bit()).contains("vcpupin"));
        assertEquals(set, m.vcpuPinInfo(0).get(0));
        assertEquals(16, m.vcpuPinInfo(ModificationFlag.CONFIG.bit()).get(0).cardinality());
        assertEquals(4, m.vcpuInfo().get(0).cpu());
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "invalid argument: requested vcpu '5' is not present in the domain", () -> m.pinVcpu(5, set, 0));
        assertError(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
                () -> m.vcpuPinInfo(3));
        m.destroy(0);
        assertFalse(m.xmlDesc(0).contains("vcpupin"));
        Domain t = conn.createXml(xml("t", "").replace(M_UUID, UUID.randomUUID().toString()), 0);
        assertError(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                "Requested operation is not valid: transient domains do not have any persistent config",
                () -> t.vcpuPinInfo(ModificationFlag.CONFIG.bit()));
    }

    @Test
    void createXmlOfADefinedDomainRunsTheNewDefinitionOnce() throws Exception {
        Domain m = conn.defineXml(xml("m", ""), 0);
        Domain started = conn.createXml(xml("m", "").replace("<memory>1024</memory>", "<memory>2048</memory>"), 0);
        assertTrue(started.isPersistent());
        assertEquals(2048, m.info().maxMemKiB());
        assertTrue(m.xmlDesc(XmlFlag.INACTIVE.bit()).contains(">1024<"));
        m.destroy(0);
        assertEquals(1024, m.info().maxMemKiB());
        assertEquals(DomainState.SHUTOFF, m.state().state());
    }

    @Test
    void interfacesGetTestnetNames() throws Exception {
        String iface = "<devices><interface type='network'><source network='default'/></interface>"
                + "<interface type='network'><source network='default'/><target dev='testnet0'/></interface></devices>";
        Domain d = conn.defineXml(xml("if", iface), 0);
        String out = d.xmlDesc(0);
        assertTrue(out.contains("<target dev='testnet1'/>"), out);
        assertTrue(out.contains("<target dev='testnet0'/>"), out);
        assertTrue(out.matches("(?s).*<mac address='52:54:00:[0-9a-f:]{8}'/>.*"), out);
    }

    @Test
    void undefineOfATransientDomainIsAcceptedAsLibvirtDoes() throws Exception {
        Domain t = conn.createXml(xml("t", ""), 0);
        t.undefine(0);
        assertTrue(t.isActive());
        assertFalse(t.isPersistent());
    }

    /**
     * libvirt's virGetDomain and testDomObjFromDomain: a handle is made without looking its domain up, each
     * call finds the domain by UUID alone, and one that has gone fails naming the handle's UUID and name.
     */
    @Test
    void aHandleFindsItsDomainByUuidOnEachCall() throws Exception {
        UUID ghost = UUID.fromString(M_UUID);
        Domain handle = conn.domainHandle("ghost", ghost, -1);
        assertError(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                "Domain not found: no domain with matching uuid '" + M_UUID + "' (ghost)", handle::state);
        assertEquals("linux", handle.osType());
        assertEquals("fair", handle.schedulerType().type());
        conn.defineXml(xml("m", ""), 0);
        assertEquals(DomainState.SHUTOFF, handle.state().state());
        Domain renamed = conn.domainHandle("not-test", test.uuid(), test.id());
        assertEquals(DomainState.RUNNING, renamed.state().state());
    }
}
