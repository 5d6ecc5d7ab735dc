package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.testing.Initramfs;
import org.jvirt.testing.LinuxGuest;

/**
 * libvirt's reboot event over the wire: a real Linux guest (Debian's kernel, a busybox initramfs)
 * that reboots itself a second after every boot, so QEMU raises RESET each time. Real python3-libvirt
 * ({@code domainEventRegisterAny(..., VIR_DOMAIN_EVENT_ID_REBOOT, ...)}, for every domain and for the
 * guest only), real {@code virsh event --event reboot} and jvirt's Java remote client each get
 * DOMAIN_EVENT_CALLBACK_REBOOT messages naming the guest, and no lifecycle event comes with them.
 */
class RebootEventLinuxTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            echo JVIRT-REBOOT-READY
            sleep 1
            reboot -f
            """;
    private static final int REBOOTS = 2;

    private record Reboot(String name, String uuid) {
    }

    @Test
    void everyClientHearsTheGuestsReboots(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(PYTHON)
                && Files.isExecutable(BUSYBOX), "qemu, virsh, /usr/bin/python3 and busybox-static are needed");
        Path kernel = LinuxGuest.findKernel().orElseThrow(() -> new AssertionError("no Linux kernel for the test "
                + "guest: install linux-image-amd64 (.ci/run does) or name one with -Djvirt.test.kernel"));
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, Map.of(), initrd);
        CoreConnectionFactory remoteCore = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                "remote");
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection local = q.factory.open("qemu:///system", 0)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            Domain dom = local.defineXml(guestXml("reboot1", kernel, initrd), 0);
            List<Reboot> localReboots = new CopyOnWriteArrayList<>();
            local.addLifecycleListener(collector(localReboots, new CopyOnWriteArrayList<>()));
            Path virshOut = dir.resolve("virsh-event.out");
            Process virsh = null;
            try (Connection remote = remoteCore.open(uri, 0)) {
                List<Reboot> remoteReboots = new CopyOnWriteArrayList<>();
                List<DomainEvent> remoteLifecycle = new CopyOnWriteArrayList<>();
                remote.addLifecycleListener(collector(remoteReboots, remoteLifecycle));
                dom.create(0);
                int id = dom.id();
                String uuid = dom.uuid().toString();
                await(() -> remoteLifecycle.size() == 1, "the remote client's started event");
                virsh = new ProcessBuilder("virsh", "-c", uri, "event", "--domain", "reboot1", "--event", "reboot",
                        "--loop", "--timeout", "300")
                        .redirectOutput(virshOut.toFile()).redirectErrorStream(true).start();

                List<String> py = python(uri);
                await(() -> remoteReboots.size() >= REBOOTS, REBOOTS + " reboots at the remote Java client");
                await(() -> virshReboots(virshOut) >= REBOOTS, REBOOTS + " reboots printed by virsh event");
                assertTrue(dom.isActive(), "a reboot keeps the guest running");
                assertEquals(id, dom.id(), "the same QEMU runs the rebooted guest");

                List<String> any = py.stream().filter(l -> l.startsWith("reboot any ")).toList();
                List<String> only = py.stream().filter(l -> l.startsWith("reboot only ")).toList();
                assertTrue(any.size() >= REBOOTS && only.size() >= REBOOTS, py.toString());
                for (String l : any) {
                    assertEquals("reboot any reboot1 " + uuid + " " + id, l);
                }
                for (String l : only) {
                    assertEquals("reboot only reboot1 " + uuid + " " + id, l);
                }
                assertEquals(List.of(), py.stream().filter(l -> l.startsWith("lifecycle")).toList(),
                        "no lifecycle event comes with a reboot");

                // virsh prints nothing but its reboot lines (and no error) while it listens
                String events = Files.readString(virshOut);
                assertEquals(List.of(), events.lines().filter(l -> !l.isEmpty()
                        && !l.equals("event 'reboot' for domain 'reboot1'")).toList(), events);

                assertEquals(List.of(new Reboot("reboot1", uuid)), remoteReboots.stream().distinct().toList());
                assertEquals(1, remoteLifecycle.size(), "only the start: " + remoteLifecycle);
                assertTrue(localReboots.size() >= remoteReboots.size(), localReboots + " " + remoteReboots);
                System.out.println("reboot events (Linux guest): python " + any.size() + "+" + only.size()
                        + ", virsh event " + virshReboots(virshOut) + ", Java remote " + remoteReboots.size() + ", in process "
                        + localReboots.size());
            } finally {
                if (virsh != null && virsh.isAlive()) {
                    virsh.destroy();
                    virsh.waitFor(5, TimeUnit.SECONDS);
                }
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        }
    }

    private static long virshReboots(Path out) {
        try {
            return Files.readString(out).lines().filter(l -> l.equals("event 'reboot' for domain 'reboot1'")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DomainEventListener collector(List<Reboot> reboots, List<DomainEvent> lifecycle) {
        return new DomainEventListener() {
            @Override
            public void onLifecycle(Domain domain, DomainEvent event) {
                lifecycle.add(event);
            }

            @Override
            public void onReboot(Domain domain) {
                reboots.add(new Reboot(domain.name(), domain.uuid().toString()));
            }
        };
    }

    private static List<String> python(String uri) throws Exception {
        Path script = Files.createTempFile("reboot_events", ".py");
        try {
            Files.copy(RebootEventLinuxTest.class.getResourceAsStream("/python/reboot_events.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), uri, "reboot1",
                    String.valueOf(REBOOTS), "300"), Map.of(), 330);
            assertEquals(0, r.exit(), r.toString());
            return r.out().lines().toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    private static String guestXml(String name, Path kernel, Path initrd) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<devices><serial type='pty'/><console type='pty'/></devices></domain>";
    }
}
