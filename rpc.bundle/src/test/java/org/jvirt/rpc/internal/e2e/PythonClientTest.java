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
import org.jvirt.testing.ConformanceResults;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;

/**
 * Debian's python3-libvirt (with /usr/bin/python3) against jvirtd over UNIX and TCP. A case is one
 * check of {@code python/jvirt_client.py} ({@code ok NAME} or {@code FAIL NAME: detail}; the script
 * stops at the first failure); the checks expected to pass are listed in
 * {@code conformance/python3-libvirt-unix.pass} and {@code python3-libvirt-tcp.pass}.
 */
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
            ConformanceResults results = new ConformanceResults("python3-libvirt-" + transport);
            r.out().lines().forEach(line -> {
                if (line.startsWith("ok ")) {
                    results.passed(line.substring(3));
                } else if (line.startsWith("FAIL ")) {
                    String[] nameAndDetail = line.substring(5).split(": ", 2);
                    results.failed(nameAndDetail[0], nameAndDetail.length > 1 ? nameAndDetail[1] : "");
                }
            });
            results.assertNoRegression();
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().endsWith("done\n"), r.toString());
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
