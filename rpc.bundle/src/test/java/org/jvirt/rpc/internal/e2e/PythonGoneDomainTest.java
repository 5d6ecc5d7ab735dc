package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;

/**
 * A handle to a domain that has gone, through the wire: python3-libvirt keeps a {@code virDomainPtr}
 * after undefining its domain and calls on with it ({@code python/gone_domain.py}). Each call must
 * answer through jvirtd's test driver what libvirt 9.0's test driver answers in-process: NO_DOMAIN from
 * the test driver naming the handle ({@code testDomObjFromDomain}), or, where libvirt's test driver never
 * looks the domain up ({@code OSType}, {@code schedulerType}, {@code isUpdated}), its answer.
 */
class PythonGoneDomainTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String NOT_FOUND = " 42 12 Domain not found: no domain with matching uuid "
            + "'6a1c0e44-3b0d-4b6e-9c5f-0000000000e1' (gone)";

    @Test
    void callsOnAGoneDomainFailAsLibvirtsTestDriverDoes() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(PYTHON.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
        Path script = Files.createTempFile("gone_domain", ".py");
        try (Jvirtd jvirtd = new Jvirtd()) {
            Files.copy(getClass().getResourceAsStream("/python/gone_domain.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            Proc.Result theirs = Proc.run(List.of(PYTHON.toString(), script.toString(), "test:///default"),
                    Map.of(), 60);
            Proc.Result ours = Proc.run(List.of(PYTHON.toString(), script.toString(), jvirtd.unixUri()),
                    Map.of(), 60);
            assertEquals(0, theirs.exit(), theirs.toString());
            assertEquals(theirs.out(), ours.out(), ours.err());
            assertEquals(0, ours.exit(), ours.toString());
            List<String> lines = ours.out().lines().toList();
            assertTrue(lines.contains("info" + NOT_FOUND), ours.out());
            assertTrue(lines.contains("setInterfaceParameters" + NOT_FOUND), ours.out());
            assertTrue(lines.contains("OSType ok linux"), ours.out());
            assertEquals("done", lines.get(lines.size() - 1), ours.out());
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
