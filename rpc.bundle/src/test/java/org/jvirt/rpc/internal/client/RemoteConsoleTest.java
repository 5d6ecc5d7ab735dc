package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ConsoleFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.testing.ConsoleReader;
import org.jvirt.testing.LinuxGuest;

/**
 * {@code Domain.openConsole} through jvirt's own remote driver (the client side of libvirt's stream
 * protocol) against jvirtd serving the real QEMU driver, with a real Linux guest: bytes both ways,
 * a second console refused, {@code FORCE} taking over and ending the first, and the guest's
 * power-off ending the stream, its SHUTDOWN and STOPPED events arriving over the wire.
 */
class RemoteConsoleTest {
    private static final Duration BOOT = Duration.ofSeconds(120);

    @Test
    void consoleOfALinuxGuestThroughTheRemoteDriver(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        LinuxGuest guest = LinuxGuest.prepare(dir);
        CoreConnectionFactory remote = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                "remote");
        long pid = -1;
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = remote.open("qemu+unix:///system?socket=" + d.rw, 0)) {
            BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
            c.addLifecycleListener((dom, e) -> events.add(e));
            Domain dom = c.defineXml(xml(guest), 0);
            try {
                dom.create(0);
                pid = pidOf("remcons1");
                try (ConsoleReader first = new ConsoleReader(dom.openConsole(null, 0))) {
                    first.await(LinuxGuest.READY, 1, BOOT);
                    first.send("echo $((6*7))XY\n");
                    first.await("42XY", 1, Duration.ofSeconds(30));

                    VirtException busy = assertThrows(VirtException.class, () -> dom.openConsole(null, 0));
                    assertEquals(ErrorCode.OPERATION_FAILED, busy.code());
                    assertEquals("operation failed: Active console session exists for this domain", busy.getMessage());

                    try (ConsoleReader second = new ConsoleReader(dom.openConsole(null, ConsoleFlag.FORCE.bit()))) {
                        awaitEnd(first);
                        second.send("echo $((7*8))ZZ\n");
                        second.await("56ZZ", 1, Duration.ofSeconds(30));
                        assertEquals(0, first.count("56ZZ"), "the first console was taken over");
                        events.clear();
                        second.send("poweroff -f\n");
                        expect(events, DomainEventType.SHUTDOWN, 1);
                        expect(events, DomainEventType.STOPPED, DomainEventType.STOPPED_SHUTDOWN);
                        awaitEnd(second);
                    }
                }
                assertEquals(StateReason.SHUTOFF_SHUTDOWN, dom.state().namedReason());
                assertFalse(dom.isActive());
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        } finally {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static void awaitEnd(ConsoleReader console) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!console.ended() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(console.ended(), "the console stream did not end");
    }

    private static void expect(BlockingQueue<DomainEvent> events, DomainEventType type, int detail)
            throws InterruptedException {
        DomainEvent e = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(e, "no " + type + " event");
        assertEquals(type, e.type(), e.toString());
        assertEquals(detail, e.detail(), e.toString());
    }

    /** The pid of the QEMU running guest {@code name}, for the clean-up. */
    private static long pidOf(String name) {
        List<ProcessHandle> found = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains("guest=" + name + ",")).orElse(false)).toList();
        assertEquals(1, found.size(), "QEMU processes of " + name);
        return found.get(0).pid();
    }

    private static String xml(LinuxGuest guest) {
        return "<domain type='qemu'><name>remcons1</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + guest.osAndFeaturesXml()
                + "<devices><serial type='pty'/><console type='pty'/></devices></domain>";
    }
}
