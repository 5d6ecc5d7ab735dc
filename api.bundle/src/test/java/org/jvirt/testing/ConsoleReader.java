package org.jvirt.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;

/**
 * Collects what a guest's console {@link Stream} yields on a thread of its own, so a test can wait
 * for a text to appear (a number of times) and type commands.
 */
public final class ConsoleReader implements AutoCloseable {
    private final Stream stream;
    private final StringBuilder seen = new StringBuilder();
    private volatile boolean ended;

    public ConsoleReader(Stream stream) {
        this.stream = stream;
        Thread t = new Thread(this::pump, "console-reader");
        t.setDaemon(true);
        t.start();
    }

    private void pump() {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = stream.receive(buf, 0, buf.length)) > 0) {
                synchronized (seen) {
                    seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    seen.notifyAll();
                }
            }
        } catch (VirtException e) {
            // aborted or failed: the end of the output either way
        } finally {
            ended = true;
            synchronized (seen) {
                seen.notifyAll();
            }
        }
    }

    /** Types {@code text} on the console. */
    public void send(String text) throws VirtException {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        stream.send(b, 0, b.length);
    }

    /** Waits until {@code text} has appeared {@code times} times; fails with what was seen. */
    public void await(String text, int times, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            while (count(text) < times) {
                long left = end - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError("'" + text + "' not seen " + times + " times on the console"
                            + (ended ? " (it ended)" : " within " + timeout) + "; it showed:\n" + tail());
                }
                seen.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** How often {@code text} has appeared so far. */
    public int count(String text) {
        synchronized (seen) {
            int n = 0;
            for (int i = seen.indexOf(text); i >= 0; i = seen.indexOf(text, i + text.length())) {
                n++;
            }
            return n;
        }
    }

    /** True once the console stream has ended. */
    public boolean ended() {
        return ended;
    }

    private String tail() {
        return seen.length() > 2000 ? seen.substring(seen.length() - 2000) : seen.toString();
    }

    @Override
    public void close() {
        stream.abort();
    }
}
