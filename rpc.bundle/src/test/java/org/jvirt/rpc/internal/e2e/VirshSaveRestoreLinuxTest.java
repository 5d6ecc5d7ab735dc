package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * virsh 9.0's {@code save}, {@code save-image-dumpxml}, {@code save-image-define} and {@code restore}
 * of a real Linux guest (TCG) through jvirtd's QEMU driver: the guest stops (shut off, saved), its
 * image names it, a restore starts it again with its RAM (a file in its RAM root survives), a second
 * restore is refused while it runs, a file that is not a save image and a changed definition are
 * refused. Each QEMU the test starts is killed by its pid at the end.
 */
class VirshSaveRestoreLinuxTest {
    private static final Duration BOOT = Duration.ofSeconds(120);

    @Test
    void saveAndRestoreWithVirsh(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh"), "qemu and virsh are needed");
        LinuxGuest guest = LinuxGuest.prepare(dir);
        UUID uuid = UUID.randomUUID();
        Path pidFile = dir.resolve("run/system/" + uuid + ".pid");
        Path image = dir.resolve("sv1.img");
        List<Long> pids = new ArrayList<>();
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml("<domain type='qemu'><name>sv1</name><uuid>" + uuid + "</uuid>"
                    + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml()
                    + "<devices><serial type='pty'/><console type='pty'/></devices></domain>", 0);
            String uri = "qemu+unix:///system?socket=" + d.rw;
            try {
                ok(Proc.virsh(uri, "start", "sv1"));
                pids.add(pid(pidFile));
                try (ConsoleReader console = new ConsoleReader(dom.openConsole(null, 0))) {
                    console.await(LinuxGuest.READY, 1, BOOT);
                    console.send("echo sav''ed-to-file > /marker; cat /marker\n");
                    console.await("saved-to-file", 1, Duration.ofSeconds(30));
                }
                assertEquals("\nDomain 'sv1' saved to " + image + "\n\n", ok(Proc.virsh(uri, "save", "sv1",
                        image.toString())).out());
                assertTrue(Files.size(image) > 1 << 20, "QEMU's state is in the image");
                assertEquals("shut off (saved)\n\n", ok(Proc.virsh(uri, "domstate", "--reason", "sv1")).out());

                String xml = ok(Proc.virsh(uri, "save-image-dumpxml", image.toString())).out();
                assertTrue(xml.contains("<name>sv1</name>") && xml.contains("<uuid>" + uuid + "</uuid>"), xml);
                Path same = Files.writeString(dir.resolve("same.xml"), xml);
                assertEquals("State file " + image + " updated.\n\n",
                        ok(Proc.virsh(uri, "save-image-define", image.toString(), same.toString())).out());
                Path changed = Files.writeString(dir.resolve("changed.xml"),
                        xml.replace("<vcpu placement='static'>1</vcpu>", "<vcpu placement='static'>2</vcpu>"));
                Proc.Result refused = Proc.virsh(uri, "save-image-define", image.toString(), changed.toString());
                assertNotEquals(0, refused.exit());
                assertTrue(refused.err().contains("changing the definition of a save image is not supported"),
                        refused.err());

                Proc.Result notImage = Proc.virsh(uri, "restore", same.toString());
                assertNotEquals(0, notImage.exit());
                assertTrue(notImage.err().contains("operation failed: image magic is incorrect"), notImage.err());

                assertEquals("Domain restored from " + image + "\n\n",
                        ok(Proc.virsh(uri, "restore", image.toString())).out());
                pids.add(pid(pidFile));
                assertEquals("running (restored)\n\n", ok(Proc.virsh(uri, "domstate", "--reason", "sv1")).out());
                try (ConsoleReader console = new ConsoleReader(dom.openConsole(null, 0))) {
                    console.send("cat /marker\n");
                    console.await("saved-to-file", 1, Duration.ofSeconds(30));
                }
                Proc.Result again = Proc.virsh(uri, "restore", image.toString());
                assertNotEquals(0, again.exit());
                assertTrue(again.err().contains("Requested operation is not valid: domain 'sv1' is already active"),
                        again.err());
                ok(Proc.virsh(uri, "destroy", "sv1"));
                System.out.println("virsh save/restore (Linux guest): " + Files.size(image)
                        + " bytes image, restored with its RAM");
            } finally {
                for (long pid : pids) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
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
