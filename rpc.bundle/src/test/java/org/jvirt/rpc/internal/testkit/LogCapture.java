package org.jvirt.rpc.internal.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Records what the test logger (slf4j-simple, which looks up {@code System.err} on every line)
 * prints while it is open, and still prints it.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    public LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (seen) {
                    seen.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (seen) {
                    seen.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    public String text() {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    /** How often {@code needle} occurs in what was logged. */
    public int count(String needle) {
        String t = text();
        int n = 0;
        for (int i = t.indexOf(needle); i >= 0; i = t.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Waits (bounded) until {@code needle} was logged. */
    public boolean await(String needle, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (!text().contains(needle)) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
