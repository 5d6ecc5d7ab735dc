package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * What the Xen driver does without a hypervisor: definitions in the state store (define, list,
 * dumpxml, info, autostart, undefine, back after a restart), libvirt's errors for conflicts and for
 * calls that need a running domain, and a start that cannot reach xl leaving the domain as it was.
 */
class XenDefinitionsTest {
    static final String UUID1 = "c7a5fdbd-edaf-9455-926a-d65c16db1809";

    @TempDir
    Path dir;

    static String pv(String name, String uuid) {
        return "<domain type='xen'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>524288</memory><currentMemory unit='KiB'>262144</currentMemory>"
                + "<vcpu placement='static'>2</vcpu>"
                + "<os><type arch='x86_64' machine='xenpv'>xen</type><kernel>/boot/vmlinuz</kernel></os>"
                + "<on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>"
                + "<devices/></domain>";
    }

    @Test
    void definitionsLiveInTheStateStore() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, "xl", 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(pv("pv1", UUID1), 0);
            assertEquals(-1, ref.id());
            assertEquals(List.of(ref), c.listAllDomains(Flag.mask(ListFlag.INACTIVE)));
            assertEquals(List.of(), c.listAllDomains(Flag.mask(ListFlag.ACTIVE)));
            assertEquals(DomainState.SHUTOFF, c.state(ref).state());
            assertTrue(c.isPersistent(ref));
            assertEquals("xen", c.osType(ref));
            DomainInfo info = c.info(ref);
            assertEquals(new DomainInfo(DomainState.SHUTOFF, 524288, 262144, 2, 0), info);
            String xml = c.xmlDesc(ref, 0);
            assertTrue(xml.contains("<name>pv1</name>") && xml.contains(UUID1), xml);
            c.setAutostart(ref, true);
            c.defineXml(pv("pv1", UUID1), 0);
            assertEquals(List.of(DomainEventType.DEFINED, DomainEventType.DEFINED),
                    bed.events.stream().map(e -> e.type()).toList());
            assertEquals(List.of(DomainEventType.DEFINED_ADDED, DomainEventType.DEFINED_UPDATED),
                    bed.events.stream().map(e -> e.detail()).toList());

            bed.restart();
            DriverConnection again = bed.open();
            DomainRef back = again.lookupByName("pv1");
            assertEquals(ref.uuid(), back.uuid());
            assertTrue(again.autostart(back));
            assertEquals(1, again.listAllDomains(Flag.mask(ListFlag.AUTOSTART)).size());
            assertEquals(xml, again.xmlDesc(back, Flag.mask(XmlFlag.INACTIVE)));

            again.undefine(back, 0);
            VirtException gone = assertThrows(VirtException.class, () -> again.lookupByName("pv1"));
            assertEquals(ErrorCode.NO_DOMAIN, gone.code());
            assertEquals(DomainEventType.UNDEFINED, bed.events.get(bed.events.size() - 1).type());
            try (Stream<Path> files = Files.walk(bed.stateDir())) {
                assertTrue(files.filter(Files::isRegularFile).toList().isEmpty(), "records left after undefine");
            }
        }
    }

    @Test
    void conflictsAndOtherDomainTypesAreRefused() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, "xl", 60_000)) {
            DriverConnection c = bed.open();
            c.defineXml(pv("pv1", UUID1), 0);
            VirtException name = assertThrows(VirtException.class,
                    () -> c.defineXml(pv("pv1", "11111111-2222-3333-4444-555555555555"), 0));
            assertEquals(ErrorCode.OPERATION_FAILED, name.code());
            assertEquals("operation failed: domain 'pv1' already exists with uuid " + UUID1, name.getMessage());
            VirtException uuid = assertThrows(VirtException.class, () -> c.defineXml(pv("other", UUID1), 0));
            assertEquals("operation failed: domain 'pv1' is already defined with uuid " + UUID1, uuid.getMessage());
            VirtException kvm = assertThrows(VirtException.class,
                    () -> c.defineXml(pv("k", "11111111-2222-3333-4444-555555555555").replace("type='xen'", "type='kvm'"), 0));
            assertEquals(ErrorCode.INVALID_ARG, kvm.code());
            assertEquals(ErrorDomain.LIBXL, kvm.domain());
            assertEquals(1, c.listAllDomains(0).size());
        }
    }

    @Test
    void callsOnAnInactiveDomainChangeItsDefinitionOrFail() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, "xl", 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(pv("pv1", UUID1), 0);
            for (Executable call : List.<Executable>of(() -> c.destroy(ref, 0), () -> c.suspend(ref),
                    () -> c.shutdown(ref, 0), () -> c.vcpuInfo(ref))) {
                VirtException e = assertThrows(VirtException.class, call);
                assertEquals(ErrorCode.OPERATION_INVALID, e.code());
                assertEquals("Requested operation is not valid: domain is not running", e.getMessage());
            }
            c.setMemory(ref, 131072, 0);
            BitSet cpus = new BitSet();
            cpus.set(2, 4);
            c.pinVcpu(ref, 1, cpus, Flag.mask(ModificationFlag.CONFIG));
            bed.restart();
            DriverConnection again = bed.open();
            String xml = again.xmlDesc(again.lookupByName("pv1"), 0);
            assertTrue(xml.contains("<currentMemory unit='KiB'>131072</currentMemory>"), xml);
            assertTrue(xml.contains("<vcpupin vcpu='1' cpuset='2-3'/>"), xml);
            VirtException high = assertThrows(VirtException.class, () -> again.setMemory(ref, 1 << 30, 0));
            assertEquals("invalid argument: cannot set memory higher than max memory", high.getMessage());
        }
    }

    @Test
    void aStartThatCannotReachXlLeavesTheDomainDefinedAndShutOff() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir, dir.resolve("no-such-xl").toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(pv("pv1", UUID1), 0);
            VirtException e = assertThrows(VirtException.class, () -> c.create(ref, 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertEquals(ErrorDomain.LIBXL, e.domain());
            assertTrue(e.getMessage().startsWith("internal error: cannot run the xl toolstack"), e.getMessage());
            assertEquals(DomainState.SHUTOFF, c.state(ref).state());
            assertTrue(c.isPersistent(ref));
            VirtException t = assertThrows(VirtException.class,
                    () -> c.createXml(pv("t1", "11111111-2222-3333-4444-555555555555"), 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, t.code());
            assertThrows(VirtException.class, () -> c.lookupByName("t1"));
            assertEquals(1, c.listAllDomains(0).size());
            assertFalse(bed.events.stream().anyMatch(ev -> ev.type() == DomainEventType.STARTED));
        }
    }
}
