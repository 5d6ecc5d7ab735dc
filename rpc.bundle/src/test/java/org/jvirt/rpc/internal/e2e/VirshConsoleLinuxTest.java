package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.testing.Initramfs;
import org.jvirt.testing.LinuxGuest;
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
            # the ACPI power button (virsh shutdown): evdev and button drivers, busybox's acpid
            # runs /etc/acpi/PWRF/00000080 on it (in the foreground of a job: as a daemon it wants
            # /var/log/acpid.log)
            [ -e /lib/evdev.ko ] && insmod /lib/evdev.ko
            [ -e /lib/button.ko ] && insmod /lib/button.ko && { acpid -f -c /etc/acpi -l /dev/null & }
            echo JVIRT-LINUX-READY
            while true; do setsid cttyhack sh; done
            """;

    @Test
    void aShellCommandThroughVirshConsole(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        Path kernel = kernel();
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Files.isExecutable(BUSYBOX), "busybox-static is not installed");
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, Map.of(), initrd);
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml("linux1", kernel, initrd), 0);
            dom.create(0);
            try {
                String uri = "qemu+unix:///system?socket=" + d.rw;
                List<String> lines = session(uri, "linux1", "shell");
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

    /**
     * ACPI shutdown honoured by the guest: {@code virsh shutdown} presses the power button, the
     * guest's acpid powers it off, the domain is shut off with reason "shutdown" and the console
     * session ends. Needs the kernel's evdev and button modules (/lib/modules/VERSION, or beside
     * the {@code -Djvirt.test.kernel} file's boot folder as a Debian package unpacks them).
     */
    @Test
    void acpiShutdownIsHonouredByTheGuest(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(PYTHON)
                && Files.isExecutable(BUSYBOX), "qemu, virsh, /usr/bin/python3 and busybox-static are needed");
        Path kernel = kernel();
        Path modules = LinuxGuest.modules(kernel).orElseThrow(() -> new AssertionError("no evdev.ko and button.ko for "
                + kernel + ": install the linux-image-amd64 package that holds it"));
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, Map.of(
                "lib/evdev.ko", Files.readAllBytes(modules.resolve("kernel/drivers/input/evdev.ko")),
                "lib/button.ko", Files.readAllBytes(modules.resolve("kernel/drivers/acpi/button.ko")),
                "etc/acpi/PWRF/00000080", "#!/bin/sh\npoweroff -f\n".getBytes(StandardCharsets.US_ASCII)), initrd);
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml("linux2", kernel, initrd), 0);
            dom.create(0);
            try {
                String uri = "qemu+unix:///system?socket=" + d.rw;
                List<String> lines = session(uri, "linux2", "acpi");
                if (Boolean.getBoolean("jvirt.verbose")) {
                    lines.forEach(l -> System.out.println("  " + l));
                }
                for (String step : List.of("attached", "shell", "acpid", "ended-by-acpi-shutdown")) {
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith(step + " ok ")), step + " in " + lines);
                }
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("shutdown-exit 0 ")), lines.toString());
                Proc.Result state = Proc.virsh(uri, "domstate", "linux2", "--reason");
                assertEquals("shut off (shutdown)\n\n", state.out(), state.toString());
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        }
    }

    private static List<String> session(String uri, String guest, String mode) throws Exception {
        Path script = Files.createTempFile("console_linux", ".py");
        try {
            Files.copy(VirshConsoleLinuxTest.class.getResourceAsStream("/python/console_linux.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), uri, guest, mode), Map.of(), 400);
            assertEquals(0, r.exit(), r.toString());
            return r.out().lines().toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The test guest's kernel; the CI installs it, so its absence is a failure, not a skip. */
    private static Path kernel() throws IOException {
        return LinuxGuest.findKernel().orElseThrow(() -> new AssertionError("no Linux kernel for the test guest: "
                + "install linux-image-amd64 (.ci/run does) or name one with -Djvirt.test.kernel"));
    }

    private static String guestXml(String name, Path kernel, Path initrd) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features>"
                + "<devices><serial type='pty'/><console type='pty'/></devices></domain>";
    }
}
