package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The same command sequence in real virsh 9.0 on libvirt's test:///default and in jvirtd's console
 * on jvirt's test:///default: the standard output must be the same, command for command.
 * <p>
 * Three differences are data, not formatting, and are normalised on both sides:
 * <ul>
 * <li>CPU times: libvirt's test driver reports the wall clock, so two runs never agree;</li>
 * <li>the Security lines of dominfo: libvirt's test driver has a security model, jvirt none (and
 * virsh prints no Security lines for a driver without one);</li>
 * <li>the width of CPU Affinity: virsh takes the host CPU count from virNodeGetCPUMap, which
 * libvirt's test driver hard-codes to 8 CPUs; without that call (jvirt) virsh counts the CPUs of
 * virNodeGetInfo's topology, 16 for the default host.</li>
 * </ul>
 */
class VirshParityIT {
    private static final List<String> SEQUENCE = List.of(
            "list --all", "dominfo test", "domstate test --reason", "vcpuinfo test", "dumpxml test",
            "destroy test", "list --all", "domstate test --reason", "vcpuinfo test", "dominfo 6695eb01-f6a4-8304-79aa-97f2502e193f",
            "start test", "suspend test", "list", "domstate 2 --reason", "resume test", "reboot test",
            "shutdown test", "domstate test --reason", "dumpxml test --inactive", "define DOMAIN_XML",
            "list --all", "start x", "list --all", "dominfo x", "undefine x", "list --all --name",
            "dominfo nosuch", "destroy nosuch", "start test", "undefine test", "list --all");

    private static final String DOMAIN_XML =
            "<domain type='test'><name>x</name><uuid>a5b772b3-c0cc-4d0c-b04e-e0d0681036a1</uuid><memory>1024</memory><os><type>hvm</type></os></domain>\n";

    @Test
    void consoleOutputMatchesVirsh() throws Exception {
        Path work = Files.createDirectories(Path.of(Commands.property("jvirt.work")).resolve("parity-" + System.nanoTime()));
        Path xml = Files.writeString(work.resolve("x.xml"), DOMAIN_XML);
        List<String> commands = SEQUENCE.stream().map(c -> c.replace("DOMAIN_XML", xml.toString())).toList();

        Commands.Result virsh;
        try {
            virsh = Commands.run(work, Map.of(), "", 60,
                    List.of("virsh", "-c", "test:///default", String.join("; ", commands)));
        } catch (IOException e) {
            virsh = null;
        }
        assumeTrue(virsh != null, "virsh is not installed");

        StringBuilder jvirt = new StringBuilder();
        Path var = Files.createDirectories(work.resolve("var"));
        try (JvirtdConsole jvirtd = new JvirtdConsole(Path.of(Commands.property("jvirt.dist.home")), var)) {
            assertTrue(jvirtd.awaitPrompt(60_000), "no console: " + jvirtd.output());
            awaitCommands(jvirtd);
            for (String command : commands) {
                String answer = jvirtd.execute("virt:" + command, 30_000);
                assertNotNull(answer, "no answer to virt:" + command + ": " + jvirtd.output());
                jvirt.append(answer);
            }
            assertTrue(Commands.stop(jvirtd.handle(), 30));
        }
        // kept for reading a failure side by side
        Files.writeString(work.resolve("virsh.out"), virsh.stdout());
        Files.writeString(work.resolve("jvirtd.out"), jvirt);
        assertEquals(normalise(virsh.stdout()), normalise(jvirt.toString()));
    }

    /** The console starts before the jvirt bundles: wait until the test driver answers. */
    private static void awaitCommands(JvirtdConsole jvirtd) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String answer = jvirtd.execute("virt:drivers", 10_000);
            if (answer != null && answer.contains(" test ")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the test driver did not come up: " + jvirtd.output());
    }

    static String normalise(String text) {
        return text.replaceAll("(?m)^(CPU time:\\s+)\\d+\\.\\ds$", "$1<seconds>")
                .replaceAll("(?m)^Security (model|DOI|label):.*\\n", "")
                .replaceAll("(?m)^(CPU Affinity:\\s+)y+$", "$1<all host CPUs>");
    }
}
