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
 * Debian's python3-libvirt runs {@code python/secrets.py} against jvirtd: define (every usage
 * type), list with flags, lookups, values (binary, private, missing), libvirt's errors with their
 * codes and domains, the read-only socket, lifecycle and value-changed events, and the test driver
 * without secrets. The script passes against libvirtd 9.0's secret driver as well (its expectations
 * were checked there).
 */
class PythonSecretTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void pythonLibvirtSecretsAgainstJvirtd() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(PYTHON.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
        Path script = dir.resolve("secrets.py");
        try (InputStream in = getClass().getResourceAsStream("/python/secrets.py")) {
            Files.copy(in, script);
        }
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withSecrets(dir.resolve("state"), dir.resolve("keys/master.key")))) {
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), Hosts.secretUri(jvirtd.rw),
                    Hosts.secretUri(jvirtd.ro), jvirtd.unixUri()), Map.of(), 120);
            System.out.print(r.out().lines().filter(l -> l.startsWith("secrets:") || l.startsWith("FAIL"))
                    .map(l -> "python3-libvirt " + l + "\n").reduce("", String::concat));
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("secrets: 33 passed, 0 failed"), r.out());
        }
    }
}
