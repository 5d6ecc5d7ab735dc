package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;

/**
 * {@code xen:///system} through jvirt's public Java API (the real core routing to the driver, with
 * the xl stand-in of {@link XenLifecycleTest}): what virsh, the {@code virt:*} commands and the
 * remote protocol reach, as they all go through this API.
 */
class XenApiTest {
    @TempDir
    Path dir;

    @Test
    void theDriverServesTheJavaApi() throws Exception {
        Path xl = fakeXl(dir);
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            CoreConnectionFactory core = CoreConnectionFactory.forDriver(bed.driver(), "xen");
            Connection conn = core.open("xen:///system", 0);
            assertEquals("Xen", conn.type());
            assertEquals(4_017_007L, conn.hypervisorVersion());
            assertEquals(4, conn.nodeInfo().cpus());
            assertTrue(conn.capabilities().contains("<machine>xenfv</machine>"));
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            conn.addLifecycleListener(new DomainEventListener() {
                @Override
                public void onLifecycle(Domain domain, DomainEvent event) {
                    events.add(event);
                }
            });

            Domain dom = conn.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            assertTrue(conn.domainXmlToNative("xen-xl", dom.xmlDesc(0), 0).contains("name = \"pv1\""));
            dom.create(0);
            assertTrue(dom.isActive());
            assertEquals(1, dom.id());
            dom.suspend();
            assertEquals(DomainState.PAUSED, dom.state().state());
            dom.resume();
            BitSet cpus = new BitSet();
            cpus.set(0);
            dom.pinVcpu(0, cpus);
            assertEquals(cpus, dom.vcpuInfo().get(0).affinity());
            assertEquals(List.of(cpus, allOf(4)), dom.vcpuPinInfo(0));
            dom.setMemory(200 * 1024, 0);
            assertEquals(200 * 1024, dom.info().memoryKiB());
            dom.destroy(0);
            assertEquals(DomainState.SHUTOFF, dom.state().state());
            dom.undefine(0);
            assertEquals(List.of(), conn.listAllDomains(0));
            awaitEvents(events, 6);
            assertEquals(List.of(DomainEventType.DEFINED, DomainEventType.STARTED, DomainEventType.SUSPENDED,
                    DomainEventType.RESUMED, DomainEventType.STOPPED, DomainEventType.UNDEFINED),
                    events.stream().map(DomainEvent::type).toList());

            Connection readOnly = core.open("xen:///system", OpenFlag.READ_ONLY.bit());
            VirtException denied = assertThrows(VirtException.class,
                    () -> readOnly.defineXml(XenDefinitionsTest.pv("pv2", XenDefinitionsTest.UUID1), 0));
            assertEquals(ErrorCode.OPERATION_DENIED, denied.code());
            readOnly.close();
            conn.close();
        }
    }

    private static BitSet allOf(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }

    private static void awaitEvents(List<DomainEvent> events, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    static Path fakeXl(Path dir) throws IOException {
        Path xl = Files.createDirectories(dir.resolve("bin")).resolve("xl");
        try (InputStream in = XenApiTest.class.getResourceAsStream("/fake-xl/xl.py")) {
            Files.write(xl, in.readAllBytes());
        }
        Files.setPosixFilePermissions(xl, PosixFilePermissions.fromString("rwx------"));
        return xl;
    }
}
