package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvirt.rpc.internal.testkit.JvirtdForVirsh;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/** virsh event --loop, the read-only socket and socket permissions. */
class VirshEventsAndAccessTest {
    @RegisterExtension
    final JvirtdForVirsh jvirtd = new JvirtdForVirsh();

    @Test
    void eventLoopPrintsLifecycleEvents() throws Exception {
        Path out = jvirtd.dir().resolve("events.out");
        Process p = new ProcessBuilder("virsh", "-c", jvirtd.unixUri(), "event", "--loop", "--event", "lifecycle",
                "--timeout", "30").redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            // the listener registers asynchronously: repeat the trigger until the first event shows
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.readString(out).contains("Suspended") && System.nanoTime() < deadline) {
                Proc.virsh(jvirtd.unixUri(), "suspend test; resume test");
                Thread.sleep(200);
            }
            Proc.virsh(jvirtd.unixUri(), "destroy test; start test");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(out).contains("Started") && System.nanoTime() < until) {
                Thread.sleep(100);
            }
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        String events = Files.readString(out);
        assertTrue(events.contains("event 'lifecycle' for domain 'test': Suspended Paused"), events);
        assertTrue(events.contains("event 'lifecycle' for domain 'test': Resumed Unpaused"), events);
        assertTrue(events.contains("event 'lifecycle' for domain 'test': Stopped Destroyed"), events);
        assertTrue(events.contains("event 'lifecycle' for domain 'test': Started Booted"), events);
    }

    @Test
    void readOnlySocketServesQueriesAndRefusesChangesLikeLibvirtd() throws Exception {
        Result list = Proc.virsh(jvirtd.roUri(), "list", "--all");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains(" test "), list.out());
        Result libvirt = Proc.run(List.of("virsh", "-r", "-c", "test:///default", "destroy", "test"),
                Map.of("LC_ALL", "C"), 30);
        for (String cmd : List.of("destroy test", "suspend test", "shutdown test", "undefine test",
                "autostart test", "vcpupin test 0 1")) {
            Result r = Proc.virsh(jvirtd.roUri(), cmd.split(" "));
            assertEquals(1, r.exit(), cmd + ": " + r);
            assertTrue(r.err().contains("error: operation forbidden: read only access prevents virDomain"),
                    cmd + ": " + r);
        }
        Result ours = Proc.virsh(jvirtd.roUri(), "destroy", "test");
        assertEquals(libvirt.err(), ours.err(), "same message as libvirt's read-only refusal");
        assertEquals("running\n\n", Proc.virsh(jvirtd.unixUri(), "domstate", "test").out(), "nothing changed");
    }

    @Test
    void socketsGetTheirConfiguredPermissions() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(jvirtd.rw())));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(jvirtd.ro())));
    }
}
