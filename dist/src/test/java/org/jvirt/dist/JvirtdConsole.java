package org.jvirt.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/jvirtd} with its Gogo console on a pipe: type commands, read the answers. */
final class JvirtdConsole implements AutoCloseable {
    static final String PROMPT = "g! ";

    private final Process process;
    private final OutputStream stdin;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Thread reader;
    private final Path runDir;

    JvirtdConsole(Path distHome, Path var) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", distHome.resolve("bin/jvirtd").toString()))
                .directory(distHome.toFile())
                .redirectError(var.resolve("console.err").toFile());
        pb.environment().put("JVIRTD_CONSOLE", "yes");
        pb.environment().put("JVIRTD_VAR", var.toString());
        // never the real /run/jvirt of a root run; short, as UNIX socket paths hold at most 107 bytes
        runDir = Files.createTempDirectory("jvirtd-run-");
        pb.environment().put("JVIRTD_RUN", runDir.toString());
        process = pb.start();
        stdin = process.getOutputStream();
        InputStream out = process.getInputStream();
        reader = new Thread(() -> copy(out), "jvirtd-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void copy(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (stdout) {
                    stdout.write(buf, 0, n);
                    stdout.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String output() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Types {@code command} and returns what it printed up to the next prompt, or null when no
     * prompt followed within the timeout.
     */
    String execute(String command, long timeoutMillis) throws IOException, InterruptedException {
        int start = output().length();
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (stdout) {
            while (true) {
                String text = stdout.toString(StandardCharsets.UTF_8);
                int prompt = text.indexOf(PROMPT, start);
                if (prompt >= 0) {
                    return text.substring(start, prompt);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                stdout.wait(left);
            }
        }
    }

    /** Waits for the first prompt: the console is up. */
    boolean awaitPrompt(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (stdout) {
            while (!stdout.toString(StandardCharsets.UTF_8).contains(PROMPT)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                stdout.wait(left);
            }
        }
        return true;
    }

    /** Waits for the script to end and returns its exit status, or -1 after the timeout. */
    int awaitExit(long timeoutSeconds) throws InterruptedException {
        return process.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Commands.deleteTree(runDir);
    }
}
