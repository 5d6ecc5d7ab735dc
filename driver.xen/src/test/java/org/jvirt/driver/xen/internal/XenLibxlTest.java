package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.Flag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.core.store.FileStateStore;

/**
 * The driver against the real libxenlight (Debian's xl 4.17 and its libraries, {@link XlToolstack})
 * with the hypervisor's handles faked: the host comes from libxl's physinfo and version info (the
 * shims' fixed host), and every domain operation reaches libxl, whose refusal becomes libvirt's
 * error for the operation with libxl's own messages, leaving the domain as it was.
 */
class XenLibxlTest {
    private static Path xl;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        xl = XlToolstack.shared().driverXl();
    }

    @Test
    void theHostIsLibxlsPhysinfo() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            NodeInfo node = c.nodeInfo();
            // shim.c: 16 CPUs of 16 cores in one socket at 2 GHz, 1048576 pages of 4 KiB (version.c)
            assertEquals(new NodeInfo(System.getProperty("os.arch").equals("amd64") ? "x86_64" : node.model(),
                    4096L * 1024, 16, 2000, 1, 1, 16, 1), node);
            assertEquals(4_017_007L, c.hypervisorVersion());
            String caps = c.capabilities();
            System.out.println("xen driver: nodeinfo " + node + ", version " + c.hypervisorVersion());
            for (String expected : new String[] {"<os_type>xen</os_type>\n    <arch name='x86_64'>",
                    "<os_type>hvm</os_type>\n    <arch name='i686'>", "<machine>xenfv</machine>",
                    "<os_type>xenpvh</os_type>", "<loader>" + XenCapabilities.HVMLOADER + "</loader>"}) {
                assertTrue(caps.contains(expected), expected + " missing in " + caps);
            }
        }
    }

    @Test
    void aFailedStartLeavesTheDomainDefinedAndShutOff() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            VirtException e = assertThrows(VirtException.class, () -> c.create(ref, 0));
            System.out.println("xen driver: start: " + e.getMessage());
            assertLibxlError(e, "libxenlight failed to create new domain 'pv1'", "libxl__domain_config_setdefault");
            assertEquals(DomainState.SHUTOFF, c.state(ref).state());
            assertTrue(c.isPersistent(ref));
            assertTrue(new FileStateStore(bed.stateDir()).readAll(XenDomains.STORE, RecordKind.STATUS).isEmpty());
            VirtException t = assertThrows(VirtException.class,
                    () -> c.createXml(XenDefinitionsTest.pv("t1", "11111111-2222-3333-4444-555555555555"), 0));
            assertLibxlError(t, "libxenlight failed to create new domain 't1'", "libxl__domain_config_setdefault");
            assertThrows(VirtException.class, () -> c.lookupByName("t1"));
            assertEquals(1, c.listAllDomains(0).size());
            assertFalse(bed.events.stream().anyMatch(ev -> ev.type() == DomainEventType.STARTED));
            try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertFalse(tmp.anyMatch(p -> p.getFileName().toString().startsWith("jvirt-xen-" + ref.uuid())),
                        "the xl.cfg of the failed start is left behind");
            }
        }
    }

    @Test
    void everyOperationOnAReattachedDomainReachesLibxl() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef defined = c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            String live = c.xmlDesc(defined, 0).replace("<domain type='xen'>", "<domain type='xen' id='7'>");
            XenStatus running = new XenStatus(7, DomainStateInfo.of(StateReason.RUNNING_BOOTED), live);
            new FileStateStore(bed.stateDir()).write(XenDomains.STORE, RecordKind.STATUS,
                    XenDefinitionsTest.UUID1, running.toBytes());
            bed.restart();
            DriverConnection again = bed.open();
            DomainRef ref = again.lookupById(7);
            // libxl cannot list domains here, so the recorded state stays
            assertEquals(DomainState.RUNNING, again.state(ref).state());
            BitSet cpus = new BitSet();
            cpus.set(0, 2);
            Map<String, Executable> calls = new LinkedHashMap<>();
            Map<String, String[]> expected = new LinkedHashMap<>();
            calls.put("destroy", () -> again.destroy(ref, 0));
            expected.put("destroy", new String[] {"Failed to destroy domain '7'", "domain_destroy"});
            calls.put("shutdown", () -> again.shutdown(ref, 0));
            expected.put("shutdown", new String[] {"Failed to shutdown domain '7' with libxenlight", "libxl__domain_type"});
            calls.put("reboot", () -> again.reboot(ref, 0));
            expected.put("reboot", new String[] {"Failed to reboot domain '7' with libxenlight", "libxl__domain_type"});
            calls.put("suspend", () -> again.suspend(ref));
            expected.put("suspend", new String[] {"Failed to suspend domain '7' with libxenlight", "libxl_domain_pause"});
            calls.put("setmem", () -> again.setMemory(ref, 131072, 0));
            expected.put("setmem", new String[] {"Failed to set memory for domain '7' with libxenlight", "libxl_domain_info"});
            calls.put("setmaxmem", () -> again.setMemory(ref, 1048576, Flag.mask(MemoryFlag.MAXIMUM)));
            expected.put("setmaxmem", new String[] {"Failed to set maximum memory for domain '7' with libxenlight", "libxl_domain_info"});
            calls.put("vcpuinfo", () -> again.vcpuInfo(ref));
            expected.put("vcpuinfo", new String[] {"Failed to list vcpus for domain '7' with libxenlight", "libxl_"});
            calls.put("vcpupin", () -> again.pinVcpu(ref, 0, cpus, 0));
            expected.put("vcpupin", new String[] {"Failed to pin vcpu '0' with libxenlight", "libxl_domain_info"});
            calls.put("dominfo", () -> again.info(ref));
            expected.put("dominfo", new String[] {"libxl_domain_info failed for domain '7'", "libxl_domain_info"});
            for (Map.Entry<String, Executable> call : calls.entrySet()) {
                VirtException e = assertThrows(VirtException.class, call.getValue(), call.getKey());
                System.out.println("xen driver: " + call.getKey() + ": " + e.getMessage());
                assertLibxlError(e, expected.get(call.getKey())[0], expected.get(call.getKey())[1]);
                assertEquals(DomainState.RUNNING, again.state(ref).state(), call.getKey());
                assertEquals(7, again.lookupByName("pv1").id(), call.getKey());
            }
            assertTrue(new FileStateStore(bed.stateDir()).read(XenDomains.STORE, RecordKind.STATUS,
                    XenDefinitionsTest.UUID1).isPresent(), "the status record of the running domain is kept");
            String config = new String(new FileStateStore(bed.stateDir())
                    .read(XenDomains.STORE, RecordKind.CONFIG, XenDefinitionsTest.UUID1).orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(config.contains("<currentMemory unit='KiB'>262144</currentMemory>"), config);
            assertEquals(UUID.fromString(XenDefinitionsTest.UUID1), ref.uuid());
        }
    }

    private static void assertLibxlError(VirtException e, String operation, String libxlFunction) {
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code(), e.getMessage());
        assertEquals(ErrorDomain.LIBXL, e.domain());
        assertTrue(e.getMessage().startsWith("internal error: " + operation + ": libxl: "), e.getMessage());
        assertTrue(e.getMessage().contains(libxlFunction), e.getMessage());
    }
}
