package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Flag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FacadeValidationTest {
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
    private FakeDriver driver;

    @BeforeEach
    void register() {
        driver = new FakeDriver("Test", 1, host);
        core.addDriver(driver, FakeDriver.props(0, "test"));
    }

    private static VirtException fails(ErrorCode code, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    private int driverCalls() {
        return driver.connections.stream().mapToInt(c -> c.calls.get()).sum();
    }

    @Test
    void readOnlyConnectionRefusesEveryChangeBeforeTheDriverSeesIt() throws VirtException {
        try (Connection ro = core.open("test:///default", OpenFlag.READ_ONLY.bit())) {
            assertTrue(ro.isReadOnly());
            Domain dom = ro.lookupByName("test");
            int before = driverCalls();
            String p = "operation forbidden: read only access prevents ";
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainCreate", () -> dom.create(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainCreateWithFlags", () -> dom.create(1));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainDestroy", () -> dom.destroy(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainShutdown", () -> dom.shutdown(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainReboot", () -> dom.reboot(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainReset", () -> dom.reset(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSuspend", dom::suspend);
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainResume", dom::resume);
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainUndefineFlags", () -> dom.undefine(4));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSetAutostart", () -> dom.setAutostart(true));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainPinVcpu", () -> dom.pinVcpu(0, new BitSet(), 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainPinVcpu", () -> dom.pinVcpu(0, new BitSet()));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSetMemoryFlags", () -> dom.setMemory(1024, 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSetVcpusFlags", () -> dom.setVcpus(1, 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainGetVcpusFlags", () -> dom.vcpusCount(VcpuFlag.GUEST.bit()));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSetMemoryStatsPeriod", () -> dom.setMemoryStatsPeriod(1, 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainManagedSave", () -> dom.managedSave(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainManagedSaveRemove", () -> dom.managedSaveRemove(0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSendKey", () -> dom.sendKey(0, 0, new int[] {30}, 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainSetInterfaceParameters", () -> dom.setInterfaceParameters(
                    "vnet0", List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 1)), 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainDefineXML", () -> ro.defineXml("<domain/>", 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virDomainCreateXML", () -> ro.createXml("<domain/>", 0));
            fails(ErrorCode.OPERATION_DENIED, p + "virConnectDomainXMLToNative",
                    () -> ro.domainXmlToNative("qemu-argv", "<domain/>", 0));
            fails(ErrorCode.OPERATION_DENIED, "operation forbidden: virDomainGetXMLDesc with secure flag",
                    () -> dom.xmlDesc(XmlFlag.SECURE.bit()));
            assertEquals(before, driverCalls(), "refused calls must not reach the driver");
            // reading is fine
            assertTrue(dom.xmlDesc(0).contains("<name>test</name>"));
            assertTrue(dom.isActive());
        }
    }

    @Test
    void nullAndInvalidArgumentsAreNamed() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            fails(ErrorCode.INVALID_ARG, "name in virDomainLookupByName must not be NULL",
                    () -> c.lookupByName(null));
            fails(ErrorCode.INVALID_ARG, "uuid in virDomainLookupByUUID must not be NULL",
                    () -> c.lookupByUuid(null));
            fails(ErrorCode.INVALID_ARG, "id in virDomainLookupByID must be zero or greater",
                    () -> c.lookupById(-1));
            fails(ErrorCode.INVALID_ARG, "xml in virDomainDefineXML must not be NULL",
                    () -> c.defineXml(null, 0));
            fails(ErrorCode.INVALID_ARG, "xmlDesc in virDomainCreateXML must not be NULL",
                    () -> c.createXml(null, 0));
            fails(ErrorCode.INVALID_ARG, "cb in virConnectDomainEventRegisterAny must not be NULL",
                    () -> c.addLifecycleListener(null));
            fails(ErrorCode.INVALID_ARG, "invalid argument: could not find event callback 42 for deletion",
                    () -> c.removeLifecycleListener(42));
            Domain dom = c.lookupByName("test");
            fails(ErrorCode.INVALID_ARG, "cpumap in virDomainPinVcpu must not be NULL",
                    () -> dom.pinVcpu(0, null, 0));
            fails(ErrorCode.OVERFLOW, "numerical overflow: input too large: 4294967295",
                    () -> dom.pinVcpu(-1, new BitSet(), 0));
            fails(ErrorCode.INVALID_ARG, "Flags 'VIR_DOMAIN_AFFECT_LIVE' and "
                            + "'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
                    () -> dom.vcpuPinInfo(Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG)));
            int before = driverCalls();
            // libvirt-domain.c's checks of the resizing calls, messages as python3-libvirt shows them
            fails(ErrorCode.INVALID_ARG, "memory in virDomainSetMemoryFlags must not be zero", () -> dom.setMemory(0, 0));
            fails(ErrorCode.OVERFLOW, "numerical overflow: input too large: 9007199254740991",
                    () -> dom.setMemory(Long.MAX_VALUE / 1024, 0));
            fails(ErrorCode.OVERFLOW, "numerical overflow: input too large: 18446744073709551615",
                    () -> dom.setMemory(-1, 0));
            fails(ErrorCode.INVALID_ARG, "nvcpus in virDomainSetVcpusFlags must not be zero", () -> dom.setVcpus(0, 0));
            fails(ErrorCode.INVALID_ARG, "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'",
                    () -> dom.setVcpus(2, VcpuFlag.MAXIMUM.bit() | ModificationFlag.LIVE.bit()));
            fails(ErrorCode.INVALID_ARG, "Flags 'VIR_DOMAIN_VCPU_GUEST' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually "
                    + "exclusive", () -> dom.setVcpus(2, VcpuFlag.GUEST.bit() | ModificationFlag.CONFIG.bit()));
            fails(ErrorCode.INVALID_ARG, "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually "
                    + "exclusive", () -> dom.vcpusCount(Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG)));
            fails(ErrorCode.INVALID_ARG, "period in virDomainSetMemoryStatsPeriod must be zero or greater",
                    () -> dom.setMemoryStatsPeriod(-1, 0));
            fails(ErrorCode.INVALID_ARG, "pid_value in virDomainSendProcessSignal must not be zero",
                    () -> dom.sendProcessSignal(0, 15, 0));
            fails(ErrorCode.INVALID_ARG, "keycodes in virDomainSendKey must not be NULL",
                    () -> dom.sendKey(0, 0, null, 0));
            fails(ErrorCode.INVALID_ARG, "nkeycodes in virDomainSendKey must be greater than zero",
                    () -> dom.sendKey(0, 0, new int[0], 0));
            fails(ErrorCode.INVALID_ARG, "nkeycodes must be <= 16", () -> dom.sendKey(0, 0, new int[17], 0));
            // libvirt 9.0's order (seen through its C API): count, then code set, then the maximum
            fails(ErrorCode.INVALID_ARG, "nkeycodes in virDomainSendKey must be greater than zero",
                    () -> dom.sendKey(99, 0, new int[0], 0));
            fails(ErrorCode.INVALID_ARG, "Unsupported codeset '10'", () -> dom.sendKey(10, 0, new int[1], 0));
            fails(ErrorCode.INVALID_ARG, "Unsupported codeset '99'", () -> dom.sendKey(99, 0, new int[17], 0));
            fails(ErrorCode.INVALID_ARG, "Unsupported codeset '-1'", () -> dom.sendKey(0xffffffff, 0, new int[1], 0));
            fails(ErrorCode.INVALID_ARG, "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually "
                    + "exclusive", () -> dom.managedSave(6));
            fails(ErrorCode.INVALID_ARG, "device in virDomainInterfaceStats must not be NULL",
                    () -> dom.interfaceStats(null));
            fails(ErrorCode.INVALID_ARG, "disk in virDomainBlockStats must not be NULL", () -> dom.blockStats(null));
            fails(ErrorCode.INVALID_ARG, "disk in virDomainBlockStatsFlags must not be NULL",
                    () -> dom.blockStatsParameters(null, 0));
            fails(ErrorCode.INVALID_ARG, "device in virDomainGetInterfaceParameters must not be NULL",
                    () -> dom.interfaceParameters(null, 0));
            fails(ErrorCode.INVALID_ARG, "device in virDomainGetInterfaceParameters must not be NULL",
                    () -> dom.interfaceParameterCount(null, 0));
            fails(ErrorCode.INVALID_ARG, "params in virDomainSetInterfaceParameters must not be NULL",
                    () -> dom.setInterfaceParameters("vnet0", null, 0));
            fails(ErrorCode.INVALID_ARG, "nparams in virDomainSetInterfaceParameters must be greater than zero",
                    () -> dom.setInterfaceParameters("vnet0", List.of(), 0));
            assertEquals(before, driverCalls(), "refused calls must not reach the driver");
        }
    }

    @Test
    void closedConnectionIsInvalidConn() throws VirtException {
        Connection c = core.open("test:///default", 0);
        Domain dom = c.lookupByName("test");
        assertTrue(c.isAlive());
        c.close();
        c.close(); // idempotent
        assertFalse(c.isAlive());
        fails(ErrorCode.INVALID_CONN, "invalid connection pointer in virConnectGetType", c::type);
        fails(ErrorCode.INVALID_CONN, "invalid connection pointer in virConnectGetLibVersion", c::libVersion);
        fails(ErrorCode.INVALID_CONN, "invalid connection pointer in virDomainGetInfo", dom::info);
        fails(ErrorCode.INVALID_CONN, "invalid connection pointer in virDomainGetInterfaceParameters",
                () -> dom.interfaceParameters("vnet0", 0));
        fails(ErrorCode.INVALID_CONN, "invalid connection pointer in virDomainSetInterfaceParameters",
                () -> dom.setInterfaceParameters("vnet0", List.of(TypedParameter.ofUInt("x", 1)), 0));
        fails(ErrorCode.INVALID_CONN, "invalid connection pointer in virDomainLookupByName",
                () -> c.lookupByName("test"));
        assertTrue(driver.connections.get(0).closed, "closing the facade closes the driver connection");
    }

    @Test
    void unsupportedComesFromTheSpiDefaults() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            fails(ErrorCode.NO_SUPPORT,
                    "this function is not supported by the connection driver: virConnectGetHostname", c::hostname);
            Domain dom = c.lookupByName("test");
            fails(ErrorCode.NO_SUPPORT,
                    "this function is not supported by the connection driver: virDomainGetVcpus", dom::vcpuInfo);
            fails(ErrorCode.NO_SUPPORT, "this function is not supported by the connection driver: "
                    + "virDomainGetInterfaceParameters", () -> dom.interfaceParameterCount("vnet0", 0));
            fails(ErrorCode.NO_SUPPORT, "this function is not supported by the connection driver: "
                    + "virDomainSetInterfaceParameters", () -> dom.setInterfaceParameters("vnet0",
                            List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 1)), 0));
        }
    }

    @Test
    void driverErrorsPassThroughAndDriverBugsBecomeInternalErrors() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            VirtException e = assertThrows(VirtException.class, () -> c.lookupByName("nope"));
            assertEquals(ErrorCode.NO_DOMAIN, e.code());
            driver.midCall = () -> {
                throw new NullPointerException("bug");
            };
            VirtException bug = assertThrows(VirtException.class, c::type);
            assertEquals(ErrorCode.INTERNAL_ERROR, bug.code());
            assertTrue(bug.getMessage().contains("virConnectGetType"), bug.getMessage());
        }
    }

    @Test
    void libVersionIsLibvirt900AndDomainsCarryNameAndUuid() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals(9_000_000L, c.libVersion());
            List<Domain> all = c.listAllDomains(0);
            assertEquals(1, all.size());
            Domain d = all.get(0);
            assertEquals("test", d.name());
            assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", d.uuid().toString());
            assertEquals(1, d.id());
            assertEquals(d, c.lookupByUuid(d.uuid()));
            assertEquals(c, d.connection());
            d.destroy(0);
            assertFalse(d.isActive());
            assertEquals(-1, d.id());
        }
    }

    @Test
    void errorsOfADriverBecomeInternalErrorsNamingTheCallAndTheConnectionStaysUsable() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            Throwable[] failures = {
                new StackOverflowError("deep on purpose"), new OutOfMemoryError("full on purpose"),
                new AssertionError("impossible on purpose"), new IllegalArgumentException("bug on purpose"),
            };
            for (Throwable t : failures) {
                driver.midCall = () -> {
                    if (t instanceof Error err) {
                        throw err;
                    }
                    throw (RuntimeException) t;
                };
                VirtException e = assertThrows(VirtException.class, c::type, t.toString());
                assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
                assertEquals("internal error: driver Test failed in virConnectGetType: " + t, e.getMessage());
                VirtException d = assertThrows(VirtException.class, () -> dom.destroy(0), t.toString());
                assertEquals(ErrorCode.INTERNAL_ERROR, d.code());
                assertTrue(d.getMessage().contains("virDomainDestroy"), d.getMessage());
                assertEquals(t, e.getCause(), "the cause is kept for the log and the caller");
            }
            driver.midCall = () -> { };
            assertEquals("Test", c.type(), "the same connection works once the driver does");
            assertTrue(dom.isActive(), "the failed destroy changed nothing");
        }
    }

    @Test
    void anErrorWhileOpeningBecomesAnInternalErrorNamingTheUri() throws VirtException {
        driver.onOpen = () -> {
            throw new StackOverflowError("deep on purpose");
        };
        VirtException e = assertThrows(VirtException.class, () -> core.open("test:///default", 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: driver Test failed to open test:///default: java.lang.StackOverflowError: "
                + "deep on purpose", e.getMessage());
        driver.onOpen = () -> { };
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals("Test", c.type());
        }
    }
}
