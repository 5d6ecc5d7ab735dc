package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * libvirt's own ESX driver, through Debian's {@code virsh} (libvirt-clients 9.0), pointed at a
 * simulator: {@code virsh -c 'esx://127.0.0.1:PORT/?no_verify=1&transport=http'} with the
 * credentials in the file {@code LIBVIRT_AUTH_FILE} names. Missing virsh skips (fails in CI).
 */
final class LibvirtVirsh {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    private final String uri;
    private final Path authFile;

    LibvirtVirsh(String uri, Path authFile) {
        if (!Files.isExecutable(VIRSH)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("virsh is not installed (required in CI)");
            }
            abort("virsh is not installed");
        }
        this.uri = uri;
        this.authFile = authFile;
    }

    /** Runs one virsh command; its standard output, or an AssertionError with its error output. */
    String run(String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(VIRSH.toString(), "-q", "-c", uri));
        argv.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LIBVIRT_AUTH_FILE", authFile.toString());
        pb.environment().put("LC_ALL", "C");
        Path err = Files.createTempFile("virsh", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("virsh " + String.join(" ", command) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("virsh " + String.join(" ", command) + " failed: "
                        + Files.readString(err).lines().filter(l -> l.startsWith("error")).toList());
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** {@code Key: value} lines (dominfo, nodeinfo) as a map, values trimmed. */
    static Map<String, String> fields(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }
}
