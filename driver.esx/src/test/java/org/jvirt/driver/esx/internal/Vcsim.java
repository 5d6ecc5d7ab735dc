package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * VMware's vSphere simulator (govmomi 0.24's {@code simulator} package, Debian's
 * golang-github-vmware-govmomi-dev) as a test peer: {@code src/test/go/vcsim} built once per
 * build into {@code target/vcsim/} with Debian's Go, offline (GOPATH mode on
 * {@code /usr/share/gocode}), started on a free loopback port and stopped by PID. Without Go or
 * govmomi the calling test is skipped, or fails in CI ({@code CI=true}). See the Go sources for
 * the {@code xsi:type} fix-up in front of the simulator (off with {@link Option#RAW}).
 */
final class Vcsim implements AutoCloseable {
    /** User and password the simulator accepts (it accepts any non-empty pair). */
    static final String USER = "user";
    static final String PASSWORD = "pass";

    private static final Path SOURCES = Path.of("src/test/go/vcsim");
    private static final Path BINARY = Path.of("target/vcsim/vcsim");
    private static final Path GOPATH = Path.of("/usr/share/gocode");
    private static final Path GOVMOMI = GOPATH.resolve("src/github.com/vmware/govmomi/simulator");

    enum Option { VPX, TLS, RAW, QUESTION }

    private final Process process;
    private final String url;

    private Vcsim(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** The SDK endpoint, {@code http://127.0.0.1:PORT/sdk}. */
    String url() {
        return url;
    }

    /** {@code 127.0.0.1:PORT}. */
    String hostPort() {
        return url.replaceFirst("^https?://", "").replaceFirst("/sdk$", "");
    }

    int port() {
        return Integer.parseInt(hostPort().substring(hostPort().lastIndexOf(':') + 1));
    }

    long pid() {
        return process.pid();
    }

    /** Starts a simulator with {@code vms} VMs per host (-1: the model's 2), building it first if needed. */
    static Vcsim start(int vms, Option... options) throws IOException, InterruptedException {
        Path binary = build();
        List<String> command = new ArrayList<>(List.of(binary.toAbsolutePath().toString(), "-vms",
                Integer.toString(vms)));
        for (Option o : options) {
            command.add("-" + o.name().toLowerCase(Locale.ROOT));
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String first = line.get(60, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("URL ")) {
                throw new IOException("vcsim did not start: " + first);
            }
            return new Vcsim(p, first.substring(4).trim());
        } catch (ExecutionException | TimeoutException | IOException e) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("vcsim did not print its URL", e);
        }
    }

    /** Builds the simulator unless the binary is newer than every Go source. */
    static synchronized Path build() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/go")) || !Files.isDirectory(GOVMOMI)) {
            missing("needs Debian's golang-go and golang-github-vmware-govmomi-dev");
        }
        if (Files.isExecutable(BINARY) && !newerSources()) {
            return BINARY;
        }
        Files.createDirectories(BINARY.getParent());
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/go", "build", "-o", BINARY.toAbsolutePath().toString(), ".")
                .directory(SOURCES.toFile()).redirectErrorStream(true);
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("GOPATH", GOPATH.toString());
        if (System.getenv("HOME") == null && System.getenv("GOCACHE") == null) {
            pb.environment().put("GOCACHE", Path.of("target/go-cache").toAbsolutePath().toString());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("go build of vcsim failed: " + output);
        }
        return BINARY;
    }

    private static boolean newerSources() throws IOException {
        FileTime built = Files.getLastModifiedTime(BINARY);
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private static void missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("vcsim: " + why + " (required in CI)");
        }
        abort("vcsim skipped: " + why);
    }

    /** Stops the simulator (SIGTERM, then SIGKILL after 10 s) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
