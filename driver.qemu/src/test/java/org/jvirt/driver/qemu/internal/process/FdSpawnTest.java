package org.jvirt.driver.qemu.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A held spawn that hands descriptors over ({@link FdSpawn}): the command gets them as 3, 4, ...
 * in order and nothing else of the JVM (whose jars, sockets and pipes are open), its output goes
 * to the log, it runs only when released, in its own session, and is reaped.
 */
class FdSpawnTest {
    private interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int open(String path, int flags);

        int close(int fd);
    }

    /** O_RDONLY | O_CLOEXEC: as the driver opens what it hands over. */
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    @TempDir
    Path dir;

    @Test
    void theCommandGetsTheGivenDescriptorsAtThreeAndFourAndNoOtherOfTheJvm() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "first");
        Path b = Files.writeString(dir.resolve("b.txt"), "second");
        Path log = dir.resolve("log/out.log");
        Path listing = dir.resolve("fds");
        int fa = LibC.C.open(a.toString(), O_RDONLY_CLOEXEC);
        int fb = LibC.C.open(b.toString(), O_RDONLY_CLOEXEC);
        // a descriptor of the JVM without close-on-exec (as java.io opens them): it must not leak
        try (FileOutputStream decoy = new FileOutputStream(dir.resolve("decoy").toFile())) {
            // b before a: the order given, not the JVM's numbers, decides
            Process p = QemuProcesses.spawnHeld(List.of("/bin/sh", "-c",
                    "ls /proc/self/fd > \"$0\"; cat <&3; echo; cat <&4; echo; echo sid=$(ps -o sid= -p $$)",
                    listing.toString()), log, true, List.of(fb, fa));
            assertFalse(Files.exists(listing), "it runs only when released");
            QemuProcesses.release(p);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertFalse(p.isAlive());
            // the shell's own: 0-2, 3 and 4, and the descriptor ls opens /proc/self/fd with
            List<String> fds = Files.readAllLines(listing).stream().map(String::strip).sorted().toList();
            assertEquals(List.of("0", "1", "2", "3", "4", "5"), fds, "descriptors of the child: " + fds);
            String out = Files.readString(log);
            assertTrue(out.contains("\nsecond\nfirst\n"), out);
            // setsid: the child leads its own session
            assertTrue(out.contains("sid=" + p.pid()) || out.contains("sid= " + p.pid()), out);
        } finally {
            LibC.C.close(fa);
            LibC.C.close(fb);
        }
    }

    @Test
    void anUnreleasedChildEndsWhenItsPipeClosesAndIsReaped() throws Exception {
        Path marker = dir.resolve("ran");
        int f = LibC.C.open(Files.writeString(dir.resolve("x"), "x").toString(), O_RDONLY_CLOEXEC);
        try {
            Process p = QemuProcesses.spawnHeld(List.of("touch", marker.toString()), dir.resolve("out.log"), true,
                    List.of(f));
            p.getOutputStream().close();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(70, p.exitValue());
            assertFalse(Files.exists(marker));
            // reaped: no zombie left under this pid
            assertFalse(Files.exists(Path.of("/proc", Long.toString(p.pid()))) && Files.readString(
                    Path.of("/proc", Long.toString(p.pid()), "stat")).contains(") Z "), "zombie " + p.pid());
        } finally {
            LibC.C.close(f);
        }
    }
}
