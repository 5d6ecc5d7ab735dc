package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;

/**
 * Debian's python3-libvirt runs {@code python/storage.py} against jvirtd's storage driver: a dir
 * pool defined, built, started, listed and looked up (by UUID, target path, volume), qcow2 and raw
 * volumes created, cloned, resized, wiped, looked up by key and path and deleted, libvirt's errors
 * for bad volumes, the read-only socket, lifecycle events, and the test driver without storage.
 */
class PythonStorageTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void pythonLibvirtStorageAgainstJvirtd() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(PYTHON.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
        Path script = dir.resolve("storage.py");
        try (InputStream in = getClass().getResourceAsStream("/python/storage.py")) {
            Files.copy(in, script);
        }
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withStorage(dir.resolve("state")))) {
            Files.createDirectories(dir.resolve("work"));
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), Hosts.storageUri(jvirtd.rw),
                    Hosts.storageUri(jvirtd.ro), jvirtd.unixUri(), dir.resolve("work").toString()), Map.of(), 120);
            System.out.print(r.out().lines().filter(l -> l.startsWith("storage:") || l.startsWith("FAIL"))
                    .map(l -> "python3-libvirt " + l + "\n").reduce("", String::concat));
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("storage: 35 passed, 0 failed"), r.out());
        }
    }
}
