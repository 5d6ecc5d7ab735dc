package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;

/** Debian's python3-libvirt (with /usr/bin/python3) against jvirtd over UNIX and TCP. */
class PythonClientTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @ParameterizedTest
    @ValueSource(strings = {"unix", "tcp"})
    void pythonBindingWorksAgainstJvirtd(String transport) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(PYTHON.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
        Path script = Files.createTempFile("jvirt_client", ".py");
        try (Jvirtd d = new Jvirtd()) {
            Files.copy(getClass().getResourceAsStream("/python/jvirt_client.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(),
                    transport.equals("unix") ? d.unixUri() : d.tcpUri()), Map.of(), 120);
            assertEquals(0, r.exit(), r.toString());
            long passed = r.out().lines().filter(l -> l.startsWith("ok ")).count();
            System.out.println("python3-libvirt over " + transport + ": " + passed + " passed, 0 failed");
            assertTrue(r.out().endsWith("done\n"), r.toString());
            assertTrue(passed >= 30, r.toString());
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
