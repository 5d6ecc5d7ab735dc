package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;

/**
 * A volume's file as a stream, libvirt's {@code virFDStreamOpenFile} for {@code virStorageVolUpload} /
 * {@code virStorageVolDownload}: from an offset, at most a length of bytes (0: no limit), one direction.
 * An upload stream yields nothing to receive: {@link #receive} waits until it ends and returns 0.
 */
public final class FileStream implements Stream {
    private final FileChannel channel;
    private final boolean upload;
    private final Path path;
    private final Runnable onFinish;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private long remaining;

    private FileStream(FileChannel channel, Path path, long length, boolean upload, Runnable onFinish) {
        this.channel = channel;
        this.path = path;
        this.remaining = length == 0 ? Long.MAX_VALUE : length;
        this.upload = upload;
        this.onFinish = onFinish;
    }

    /** A stream writing into {@code path} from {@code offset}; {@code onFinish} runs after an orderly finish. */
    public static FileStream upload(Path path, long offset, long length, Runnable onFinish) throws VirtException {
        return new FileStream(open(path, offset, StandardOpenOption.WRITE), path, length, true, onFinish);
    }

    /** A stream reading {@code path} from {@code offset}. */
    public static FileStream download(Path path, long offset, long length) throws VirtException {
        return new FileStream(open(path, offset, StandardOpenOption.READ), path, length, false, () -> { });
    }

    private static FileChannel open(Path path, long offset, StandardOpenOption mode) throws VirtException {
        try {
            FileChannel ch = FileChannel.open(path, mode);
            ch.position(offset);
            return ch;
        } catch (IOException e) {
            throw DirBackend.system("Unable to open stream for '" + path + "'", DirBackend.reason(e));
        }
    }

    @Override
    public synchronized void send(byte[] data, int offset, int len) throws VirtException {
        if (!upload || closed.get()) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.STREAMS, "stream is not open for writing");
        }
        if (remaining <= 0) {
            throw DirBackend.system("cannot write to stream", "No space left on device");
        }
        int n = (int) Math.min(len, remaining);
        try {
            ByteBuffer b = ByteBuffer.wrap(data, offset, n);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            remaining -= n;
        } catch (IOException e) {
            throw DirBackend.system("cannot write to file '" + path + "'", DirBackend.reason(e));
        }
    }

    @Override
    public int receive(byte[] buf, int offset, int len) throws VirtException {
        if (upload) {
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
        synchronized (this) {
            if (closed.get() || remaining <= 0) {
                return 0;
            }
            try {
                int n = channel.read(ByteBuffer.wrap(buf, offset, (int) Math.min(len, remaining)));
                if (n <= 0) {
                    return 0;
                }
                remaining -= n;
                return n;
            } catch (IOException e) {
                throw DirBackend.system("cannot read from file '" + path + "'", DirBackend.reason(e));
            }
        }
    }

    @Override
    public void finish() throws VirtException {
        if (close()) {
            onFinish.run();
        }
    }

    @Override
    public void abort() {
        close();
    }

    private boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        try {
            channel.close();
        } catch (IOException ignored) { // nothing more to write or read
        }
        ended.countDown();
        return true;
    }
}
