package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.testkit.Initramfs;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;

/**
 * A real Linux guest: Debian's kernel ({@code linux-image-amd64}, in /boot; or the file named by
 * {@code -Djvirt.test.kernel}) booted directly with a busybox initramfs built here, its console on
 * ttyS0. Over real {@code virsh console} a shell command goes in and its output comes back; a
 * {@code poweroff} typed there ends the guest (shut off, reason shutdown) and the console session.
 */
class VirshConsoleLinuxTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            mount -t devtmpfs dev /dev
            echo JVIRT-LINUX-READY
            while true; do setsid cttyhack sh; done
            """;

    @Test
    void aShellCommandThroughVirshConsole(@TempDir Path dir) throws Exception {
        Optional<Path> kernel = kernel();
        assumeTrue(kernel.isPresent(), "no /boot/vmlinuz-* (linux-image-amd64) and no -Djvirt.test.kernel");
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Files.isExecutable(BUSYBOX), "busybox-static is not installed");
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, initrd);
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml(kernel.get(), initrd), 0);
            dom.create(0);
            try {
                String uri = "qemu+unix:///system?socket=" + d.rw;
                List<String> lines = session(uri, "linux1");
                if (Boolean.getBoolean("jvirt.verbose")) {
                    lines.forEach(l -> System.out.println("  " + l));
                }
                System.out.println("virsh console (Linux guest): " + lines.stream().filter(l -> l.contains(" ok ")).count()
                        + " steps passed of " + lines.stream().filter(l -> l.contains(" ok ") || l.contains(" FAIL ")).count());
                for (String step : List.of("attached", "shell", "command", "detached", "reattached", "shell-again",
                        "ended-by-poweroff")) {
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith(step + " ok ")), step + " in " + lines);
                }
                // the guest powered itself off: shut off, reason "shutdown" (libvirt's VIR_DOMAIN_SHUTOFF_SHUTDOWN)
                Proc.Result state = Proc.virsh(uri, "domstate", "linux1", "--reason");
                assertEquals("shut off (shutdown)\n\n", state.out(), state.toString());
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        }
    }

    private static List<String> session(String uri, String guest) throws Exception {
        Path script = Files.createTempFile("console_linux", ".py");
        try {
            Files.copy(VirshConsoleLinuxTest.class.getResourceAsStream("/python/console_linux.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), uri, guest), Map.of(), 400);
            assertEquals(0, r.exit(), r.toString());
            return r.out().lines().toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Optional<Path> kernel() throws IOException {
        String named = System.getProperty("jvirt.test.kernel", "");
        if (!named.isEmpty()) {
            return Optional.of(Path.of(named)).filter(Files::isReadable);
        }
        Path boot = Path.of("/boot");
        if (!Files.isDirectory(boot)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(boot)) {
            return s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).filter(Files::isReadable)
                    .max(Comparator.naturalOrder());
        }
    }

    private static String guestXml(Path kernel, Path initrd) {
        return "<domain type='qemu'><name>linux1</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features>"
                + "<devices><serial type='pty'/><console type='pty'/></devices></domain>";
    }
}
