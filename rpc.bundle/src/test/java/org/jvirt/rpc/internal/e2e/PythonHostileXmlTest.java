package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;

/**
 * Hostile domain XML from Debian's python3-libvirt against jvirtd over its UNIX socket
 * ({@code python/hostile_xml.py}): XXE by file and by http, entity expansion, characters XML does
 * not allow, 4 MiB strings (over the RPC limit, refused by the client; and just within it, kept whole), 5,000 levels of nesting in {@code <metadata>}, {@code <description>}
 * and {@code <qemu:commandline>}, names with {@code /}, {@code ..}, control characters, unicode and
 * 1,000 characters. Every refused case must be answered with libvirt's error within 10 seconds, keep
 * the connection usable and leave no domain and no file in the daemon's state folder; every
 * accepted name must round-trip and leave nothing once undefined.
 */
class PythonHostileXmlTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /**
     * Cases the script runs: 15 refused definitions (16 on QEMU, which refuses a 1,000-character name),
     * 6 of them also through createXML, 6 accepted definitions (5 on QEMU).
     */
    private static final int CASES = 27;

    @BeforeEach
    void needsPythonLibvirt() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(PYTHON.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
    }

    @Test
    void onTheTestDriver() throws Exception {
        try (Jvirtd d = new Jvirtd()) {
            run("test:///default", d.unixUri(), d.dir.resolve("state"));
        }
    }

    /**
     * On the QEMU driver, where names become file names; its state store, run and log folders all
     * lie under the folder watched. Nothing is started: every case ends before a guest would.
     */
    @Test
    void onTheQemuDriver(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory)) {
            // the first definition probes QEMU's capabilities (files of their own): done before counting files
            try (Connection c = q.factory.open("qemu:///system", 0)) {
                c.defineXml("<domain type='qemu'><name>probe</name><memory>65536</memory>"
                        + "<os><type>hvm</type></os></domain>", 0).undefine(0);
            }
            run("qemu:///system", "qemu+unix:///system?socket=" + d.rw, dir);
        }
    }

    private void run(String what, String uri, Path state) throws Exception {
        Path script = Files.createTempFile("hostile_xml", ".py");
        try {
            Files.copy(getClass().getResourceAsStream("/python/hostile_xml.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            long start = System.nanoTime();
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), uri, state.toString()),
                    Map.of(), 300);
            long ms = (System.nanoTime() - start) / 1_000_000;
            List<String> lines = r.out().lines().toList();
            List<String> failed = lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
            long passed = lines.stream().filter(l -> l.startsWith("ok ")).count();
            System.out.println("python3-libvirt hostile XML (" + what + "): " + passed + " passed, "
                    + failed.size() + " failed in " + ms + " ms");
            if (Boolean.getBoolean("jvirt.verbose")) {
                lines.forEach(l -> System.out.println("  " + l));
            }
            assertEquals(List.of(), failed, r.toString());
            assertEquals(0, r.exit(), r.toString());
            assertEquals(CASES, passed, r.toString());
            assertTrue(r.out().endsWith("done\n"), r.toString());
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
