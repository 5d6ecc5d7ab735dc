package org.jvirt.driver.xen.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Xen's {@code xl} toolstack, one process per libxenlight operation (why xl and not libxenlight
 * in this JVM: see the README). Every call that fails becomes libvirt's error for that operation,
 * followed by what libxl reported ({@link XenErrors#libxl}).
 */
final class Xl {
    private static final Logger LOG = LoggerFactory.getLogger(Xl.class);

    /** What one xl run printed. */
    record Result(List<String> command, int rc, String out, String err) {
        /** libxl's own error lines ({@code libxl: error: FILE:LINE:FUNCTION: ...}), without file and line. */
        List<String> libxlErrors() {
            List<String> lines = new ArrayList<>();
            for (String line : err.split("\n")) {
                if (line.startsWith("libxl: error: ")) {
                    String rest = line.substring("libxl: error: ".length());
                    int c1 = rest.indexOf(':');
                    int c2 = c1 < 0 ? -1 : rest.indexOf(':', c1 + 1);
                    lines.add(c2 < 0 ? rest : rest.substring(c2 + 1));
                }
            }
            return lines;
        }
    }

    private static final File NULL_INPUT = new File("/dev/null");

    private final String program;
    private final Duration timeout;

    /** @param program the xl program: a name on PATH or a path */
    Xl(String program, Duration timeout) {
        this.program = program;
        this.timeout = timeout;
    }

    /** Runs {@code xl ARGS}; a failure to run it at all (no xl, timeout) is an error. */
    Result run(String... args) throws VirtException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("jvirt-xl", ".out");
            err = Files.createTempFile("jvirt-xl", ".err");
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(NULL_INPUT))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw XenErrors.internal("xl " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " seconds");
            }
            Result r = new Result(List.copyOf(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            LOG.debug("xl {}: exit {}, stderr {}", String.join(" ", args), r.rc(), r.err().strip());
            return r;
        } catch (IOException e) {
            throw XenErrors.internal("cannot run the xl toolstack (" + program + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw XenErrors.internal("interrupted while xl " + String.join(" ", args) + " ran");
        } finally {
            if (p != null && p.isAlive()) {
                // a timeout or an interrupt: xl is not left behind
                p.destroyForcibly();
            }
            delete(out);
            delete(err);
        }
    }

    /**
     * Runs {@code xl ARGS} and fails with {@code failure} (libvirt's message for the operation) when
     * xl exits with an error or, as some xl commands ignore libxl's result (pause, unpause, vcpu-list), when
     * libxl reported an error.
     */
    Result call(String failure, String... args) throws VirtException {
        Result r = run(args);
        if (r.rc() != 0 || !r.libxlErrors().isEmpty() && ignoresLibxlResult(args[0])) {
            throw XenErrors.libxl(failure, r);
        }
        return r;
    }

    /** xl 4.17's pause, unpause and vcpu-list call libxl and exit 0 whatever it answered. */
    private static boolean ignoresLibxlResult(String subcommand) {
        return subcommand.equals("pause") || subcommand.equals("unpause") || subcommand.equals("vcpu-list");
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", p, e.getMessage());
            }
        }
    }
}
