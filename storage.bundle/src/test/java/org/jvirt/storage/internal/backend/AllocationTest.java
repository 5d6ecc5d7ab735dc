package org.jvirt.storage.internal.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's allocation read in the daemon (statx) is what the stat command reports for it. */
class AllocationTest {
    @TempDir
    Path dir;

    @Test
    void statxIsCalledAndAgreesWithTheStatCommand() throws Exception {
        assertTrue(FileBlocks.available(), "JNA and glibc's statx are on this machine: the daemon must not run stat");
        Path sparse = dir.resolve("sparse");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(64L << 20);   // 64 MiB of hole
        }
        Path written = dir.resolve("written");
        Files.write(written, new byte[3 << 20]);
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, written);
        Path gone = dir.resolve("gone");
        List<Path> files = List.of(sparse, written, folder, link, gone);

        Map<Path, Long> inDaemon = Allocation.of(files);
        Map<Path, Long> byStat = Allocation.byCommand(files);

        assertEquals(byStat, inDaemon);
        assertTrue(inDaemon.get(written) >= 3L << 20, "3 MiB written take at least 3 MiB: " + inDaemon);
        assertTrue(inDaemon.get(sparse) < 1L << 20, "a hole takes (almost) nothing: " + inDaemon);
        assertTrue(inDaemon.get(link) < inDaemon.get(written), "a link's own blocks, not its target's: " + inDaemon);
        assertFalse(inDaemon.containsKey(gone), "a file that is not there is left out: " + inDaemon);
    }
}
