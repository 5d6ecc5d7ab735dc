package org.jvirt.driver.qemu.internal.save;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream of a compressed save image through its program ({@code gzip -dc}, {@code bzip2},
 * {@code xz}, {@code lzop --ignore-warn}), as libvirt's qemuSaveImageDecompressionStart: the image's
 * stream is fed to the program on a thread of its own, its output is what QEMU loads.
 */
public final class Decompression implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Decompression.class);
    private final Process process;
    private final Thread feeder;

    private Decompression(Process process, Thread feeder) {
        this.process = process;
        this.feeder = feeder;
    }

    /** Starts {@code program} on {@code in}; fails if the program cannot run. */
    public static Decompression start(String program, ReadableByteChannel in) throws IOException {
        List<String> argv = "lzop".equals(program) ? List.of(program, "-dc", "--ignore-warn")
                : List.of(program, "-dc");
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread t = new Thread(() -> {
            try (InputStream from = Channels.newInputStream(in); OutputStream to = p.getOutputStream()) {
                from.transferTo(to);
            } catch (IOException e) {
                // the program ended early (bad data): its exit status says so
                LOG.debug("feeding {}: {}", program, e.toString());
            }
        }, "save-image-" + program);
        t.setDaemon(true);
        t.start();
        return new Decompression(p, t);
    }

    /** What the program writes: the migration stream. */
    public ReadableByteChannel output() {
        return Channels.newChannel(process.getInputStream());
    }

    /** The program's end: an exit status other than 0 is an error. */
    public void finish() throws IOException, InterruptedException {
        feeder.join(TimeUnit.SECONDS.toMillis(30));
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IOException("the decompression program did not end");
        }
        if (process.exitValue() != 0) {
            throw new IOException("the decompression program failed with status " + process.exitValue());
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        feeder.interrupt();
    }
}
