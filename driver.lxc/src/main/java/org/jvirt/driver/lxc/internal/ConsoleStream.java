package org.jvirt.driver.lxc.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console stream of a container: the pipes of one console session process
 * ({@link LxcTools#consoleCommand}). What the client sends goes to the container's console, what
 * the container writes comes back. The session ends by {@link #finish}/{@link #abort} (the process
 * is stopped before its input is closed: an input that ends would reach the container as an EOF
 * character), or when the container stops (its output ends).
 */
final class ConsoleStream implements Stream {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStream.class);

    private final String name;
    private final Process process;
    private final InputStream in;
    private final OutputStream out;
    private final Runnable onEnd;
    private volatile String abortReason;
    private volatile boolean ended;

    private ConsoleStream(String name, Process process, Runnable onEnd) {
        this.name = name;
        this.process = process;
        this.in = process.getInputStream();
        this.out = process.getOutputStream();
        this.onEnd = onEnd;
    }

    /** Starts a session on container {@code name}; {@code onEnd} runs once when it ends. */
    static ConsoleStream open(String name, List<String> command, Runnable onEnd) throws VirtException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ConsoleStream(name, p, onEnd);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS,
                    "Unable to open the console of " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] data, int offset, int len) throws VirtException {
        try {
            out.write(data, offset, len);
            out.flush();
        } catch (IOException e) {
            throw failure("cannot write to the console of " + name, e);
        }
    }

    @Override
    public int receive(byte[] buf, int offset, int len) throws VirtException {
        try {
            int n = in.read(buf, offset, len);
            if (n < 0) {
                if (abortReason != null) {
                    throw new VirtException(ErrorCode.RPC, ErrorDomain.STREAMS, abortReason);
                }
                end();
                return 0;
            }
            return n;
        } catch (IOException e) {
            throw failure("cannot read from the console of " + name, e);
        }
    }

    @Override
    public void finish() {
        end();
    }

    @Override
    public void abort() {
        abort("stream aborted");
    }

    /** Ends the session; a thread in {@link #receive} or {@link #send} fails with {@code reason}. */
    void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        end();
    }

    private VirtException failure(String what, IOException e) {
        String reason = abortReason;
        if (reason != null) {
            return new VirtException(ErrorCode.RPC, ErrorDomain.STREAMS, reason);
        }
        end();
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS, what + ": " + e.getMessage(), e);
    }

    private void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        // lxc-console ignores SIGTERM while attached; it holds nothing that needs a clean exit
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(out);
        closeQuietly(in);
        onEnd.run();
    }

    private void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("console of {}: closing a pipe: {}", name, e.toString());
        }
    }

    @Override
    public String toString() {
        return "ConsoleStream[" + name + ", pid " + process.pid() + "]";
    }
}
