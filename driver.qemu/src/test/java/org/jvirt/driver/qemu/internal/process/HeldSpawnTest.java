package org.jvirt.driver.qemu.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A held spawn runs its command only when released; if its spawner dies first, nothing runs. */
class HeldSpawnTest {
    @TempDir
    Path dir;

    @Test
    void aReleasedProcessRunsItsCommandWithTheSamePid() throws Exception {
        Path marker = dir.resolve("ran");
        Process p = QemuProcesses.spawnHeld(List.of("/bin/sh", "-c", "echo $$ > \"$0\"", marker.toString()),
                dir.resolve("log/out.log"), true);
        assertTrue(QemuProcesses.cmdline(p.pid()).orElseThrow().contains(marker.toString()),
                "the held process must name its command's arguments");
        assertFalse(Files.exists(marker));
        QemuProcesses.release(p);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(Long.toString(p.pid()), Files.readString(marker).strip(), "the command runs as the held pid");
    }

    @Test
    void aHeldProcessWhoseSpawnerGoesAwayRunsNothing() throws Exception {
        Path marker = dir.resolve("ran");
        Process p = QemuProcesses.spawnHeld(List.of("touch", marker.toString()), dir.resolve("out.log"), true);
        p.getOutputStream().close(); // what the spawner's death does to the pipe
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(70, p.exitValue());
        assertFalse(Files.exists(marker), "the command ran without being released");
    }
}
