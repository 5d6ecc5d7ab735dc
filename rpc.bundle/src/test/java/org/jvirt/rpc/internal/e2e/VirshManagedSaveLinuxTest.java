package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.testing.ConsoleReader;
import org.jvirt.testing.LinuxGuest;

/**
 * virsh 9.0's managed save of a real Linux guest (TCG) through jvirtd's QEMU driver:
 * {@code managedsave}, {@code dominfo}'s "Managed save:", {@code domstate --reason},
 * {@code list --with-managed-save}, {@code undefine} refusing, {@code start} restoring (a file in the
 * guest's RAM root survives), {@code managedsave-remove} and {@code start --force-boot}. Each
 * QEMU the test starts is killed by its pid at the end.
 */
class VirshManagedSaveLinuxTest {
    private static final Duration BOOT = Duration.ofSeconds(120);

    @Test
    void managedsaveStartAndRemoveWithVirsh(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh"), "qemu and virsh are needed");
        LinuxGuest guest = LinuxGuest.prepare(dir);
        UUID uuid = UUID.randomUUID();
        Path pidFile = dir.resolve("run/system/" + uuid + ".pid");
        Path image = dir.resolve("save/system/msave1.save");
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml("<domain type='qemu'><name>msave1</name><uuid>" + uuid + "</uuid>"
                    + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml()
                    + "<devices><serial type='pty'/><console type='pty'/></devices></domain>", 0);
            String uri = "qemu+unix:///system?socket=" + d.rw;
            long firstPid = 0;
            long restoredPid = 0;
            try {
                ok(Proc.virsh(uri, "start", "msave1"));
                firstPid = pid(pidFile);
                try (ConsoleReader console = new ConsoleReader(dom.openConsole(null, 0))) {
                    console.await(LinuxGuest.READY, 1, BOOT);
                    console.send("echo sav''ed-in-ram > /marker; cat /marker\n");
                    console.await("saved-in-ram", 1, Duration.ofSeconds(30));
                }
                assertEquals("\nDomain 'msave1' state saved by libvirt\n\n",
                        ok(Proc.virsh(uri, "managedsave", "msave1")).out());
                assertTrue(Files.exists(image));
                assertEquals("shut off (saved)\n\n", ok(Proc.virsh(uri, "domstate", "--reason", "msave1")).out());
                String info = ok(Proc.virsh(uri, "dominfo", "msave1")).out();
                assertTrue(info.contains("State:          shut off\n") && info.contains("Managed save:   yes\n"), info);
                assertEquals("msave1\n\n", ok(Proc.virsh(uri, "list", "--all", "--name", "--with-managed-save")).out());
                assertEquals("\n", ok(Proc.virsh(uri, "list", "--all", "--name", "--without-managed-save")).out());
                assertTrue(ok(Proc.virsh(uri, "list", "--all", "--managed-save")).out().contains(" msave1   saved"));
                Proc.Result undefine = Proc.virsh(uri, "undefine", "msave1");
                assertNotEquals(0, undefine.exit());
                assertTrue(undefine.err().contains("Refusing to undefine while domain managed save image exists"),
                        undefine.err());

                assertEquals("Domain 'msave1' started\n\n", ok(Proc.virsh(uri, "start", "msave1")).out());
                restoredPid = pid(pidFile);
                assertEquals("running (restored)\n\n", ok(Proc.virsh(uri, "domstate", "--reason", "msave1")).out());
                assertFalse(Files.exists(image), "the image goes with the restore");
                assertTrue(ok(Proc.virsh(uri, "dominfo", "msave1")).out().contains("Managed save:   no\n"));
                try (ConsoleReader console = new ConsoleReader(dom.openConsole(null, 0))) {
                    console.send("cat /marker\n");
                    console.await("saved-in-ram", 1, Duration.ofSeconds(30));
                }

                ok(Proc.virsh(uri, "managedsave", "msave1", "--paused"));
                assertEquals("Removed managedsave image for domain 'msave1'\n",
                        ok(Proc.virsh(uri, "managedsave-remove", "msave1")).out());
                assertFalse(Files.exists(image));
                assertEquals("Domain 'msave1' has no manage save image; removal skipped\n",
                        ok(Proc.virsh(uri, "managedsave-remove", "msave1")).out());
                ok(Proc.virsh(uri, "start", "msave1"));
                restoredPid = pid(pidFile);
                assertEquals("running (booted)\n\n", ok(Proc.virsh(uri, "domstate", "--reason", "msave1")).out());

                ok(Proc.virsh(uri, "managedsave", "msave1"));
                ok(Proc.virsh(uri, "start", "--force-boot", "msave1"));
                restoredPid = pid(pidFile);
                assertEquals("running (booted)\n\n", ok(Proc.virsh(uri, "domstate", "--reason", "msave1")).out());
                assertFalse(Files.exists(image));
                ok(Proc.virsh(uri, "managedsave", "msave1"));
                ok(Proc.virsh(uri, "undefine", "--managed-save", "msave1"));
                assertFalse(Files.exists(image));
                System.out.println("virsh managedsave (Linux guest): saved, restored with its RAM, removed, "
                        + "force-booted, undefined with its image");
            } finally {
                for (long pid : new long[] {firstPid, restoredPid}) {
                    if (pid > 0) {
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
                if (Files.exists(pidFile)) {
                    ProcessHandle.of(pid(pidFile)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    private static long pid(Path pidFile) throws Exception {
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    private static Proc.Result ok(Proc.Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }
}
