package org.jvirt.driver.qemu.internal.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console stream on the guest's pty (libvirt's fdstream on the pty's path). QEMU keeps the pty
 * raw; the stream reads what the guest writes and writes what the client types. Closing the
 * channel wakes a thread blocked in a read or write, so {@link #abort} and a forced takeover end
 * a session at once. When QEMU exits the pty reads fail (EIO): that is the end of the stream.
 */
final class PtyStream implements Stream {
    private static final Logger LOG = LoggerFactory.getLogger(PtyStream.class);

    private final Path path;
    // two channels on the pty: a FileChannel serializes its reads and writes (its position lock),
    // so one blocked in a read would hold back every write
    private final FileChannel in;
    private final FileChannel out;
    private final Runnable onEnd;
    private volatile String abortReason;
    private volatile boolean ended;

    private PtyStream(Path path, FileChannel in, FileChannel out, Runnable onEnd) {
        this.path = path;
        this.in = in;
        this.out = out;
        this.onEnd = onEnd;
    }

    /** Opens {@code path}; {@code onEnd} runs once when the stream ends, however it ends. */
    static PtyStream open(Path path, Runnable onEnd) throws VirtException {
        FileChannel in = null;
        try {
            in = FileChannel.open(path, StandardOpenOption.READ);
            FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE);
            return new PtyStream(path, in, out, onEnd);
        } catch (IOException e) {
            closeQuietly(in);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS,
                    "Unable to open device " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] data, int offset, int len) throws VirtException {
        ByteBuffer buf = ByteBuffer.wrap(data, offset, len);
        try {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        } catch (IOException e) {
            throw failure("cannot write to console " + path, e);
        }
    }

    @Override
    public int receive(byte[] buf, int offset, int len) throws VirtException {
        try {
            int n = in.read(ByteBuffer.wrap(buf, offset, len));
            if (n < 0) {
                end();
                return 0;
            }
            return n;
        } catch (AsynchronousCloseException e) {
            throw failure("cannot read from console " + path, e);
        } catch (IOException e) {
            if (abortReason == null && !ended) {
                // EIO: QEMU closed the pty's master, the guest is gone
                LOG.debug("console {} ended: {}", path, e.toString());
                end();
                return 0;
            }
            throw failure("cannot read from console " + path, e);
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

    /** Ends the stream; a thread in {@link #receive} or {@link #send} fails with {@code reason}. */
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
        closeQuietly(in);
        closeQuietly(out);
        onEnd.run();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("closing a console channel: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "PtyStream[" + path + "]";
    }
}
