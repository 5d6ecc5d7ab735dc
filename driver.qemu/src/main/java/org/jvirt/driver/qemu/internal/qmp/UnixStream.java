package org.jvirt.driver.qemu.internal.qmp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * A connected {@code AF_UNIX} stream socket made with the C library, because a
 * {@link java.nio.channels.SocketChannel} cannot send descriptors: QMP's {@code getfd} takes the
 * descriptor that arrives with the command's bytes as {@code SCM_RIGHTS} ancillary data, which is
 * how libvirt hands a hot-plugged NIC's tap to QEMU (qemuMonitorIOWriteWithFD). Reads block; a
 * {@link #close} from another thread first shuts the socket down, which wakes a blocked reader with
 * end of stream, and releases the descriptor only once no call uses it any more, so a number the
 * kernel hands out again is never read by mistake. LP64 Linux only (x86_64, aarch64).
 */
final class UnixStream implements ByteChannel {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM_CLOEXEC = 1 | 0x80000;
    private static final int SHUT_RDWR = 2;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int EINTR = 4;
    /** sizeof(struct sockaddr_un): sa_family_t and a 108-byte path. */
    private static final int SOCKADDR_UN = 110;
    /** struct msghdr, struct iovec, CMSG_SPACE(sizeof(int)) and CMSG_LEN(sizeof(int)) on LP64. */
    private static final int MSGHDR = 56;
    private static final int IOVEC = 16;
    private static final int CMSG_SPACE_INT = 24;
    private static final int CMSG_LEN_INT = 20;

    private interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int connect(int fd, byte[] addr, int len) throws LastErrorException;

        NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        NativeLong send(int fd, byte[] buf, NativeLong count, int flags) throws LastErrorException;

        NativeLong sendmsg(int fd, Pointer msg, int flags) throws LastErrorException;

        int shutdown(int fd, int how) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Calls share it; close takes it alone, after the shutdown has woken them. */
    private final ReadWriteLock use = new ReentrantReadWriteLock();
    /** The reader's buffer, kept between reads (one reader: the monitor's read loop). */
    private byte[] readBuffer = new byte[0];

    private UnixStream(int fd) {
        this.fd = fd;
    }

    /** Connects to the listening socket {@code path}. */
    static UnixStream connect(Path path) throws IOException {
        if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
            throw new IOException("UNIX sockets with descriptor passing need a 64-bit platform");
        }
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SOCKADDR_UN - 2) {
            throw new IOException("socket path too long: " + path);
        }
        byte[] addr = new byte[SOCKADDR_UN];
        addr[0] = AF_UNIX; // little endian sa_family_t; both LP64 platforms we run on are
        System.arraycopy(name, 0, addr, 2, name.length);
        int fd;
        try {
            fd = Holder.LIBC.socket(AF_UNIX, SOCK_STREAM_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot create socket: errno " + e.getErrorCode());
        }
        try {
            Holder.LIBC.connect(fd, addr, 2 + name.length + 1);
        } catch (LastErrorException e) {
            closeFd(fd);
            throw new IOException("cannot connect to " + path + ": errno " + e.getErrorCode());
        }
        return new UnixStream(fd);
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (readBuffer.length < dst.remaining()) {
            readBuffer = new byte[dst.remaining()];
        }
        byte[] buf = readBuffer;
        use.readLock().lock();
        try {
            checkOpen();
            while (true) {
                try {
                    int n = Holder.LIBC.read(fd, buf, new NativeLong(dst.remaining())).intValue();
                    if (n == 0) {
                        return -1;
                    }
                    dst.put(buf, 0, n);
                    return n;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new IOException("read failed: errno " + e.getErrorCode());
                    }
                }
            }
        } finally {
            use.readLock().unlock();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        byte[] buf = new byte[src.remaining()];
        src.get(buf);
        use.readLock().lock();
        try {
            checkOpen();
            int off = 0;
            while (off < buf.length) {
                byte[] rest = off == 0 ? buf : Arrays.copyOfRange(buf, off, buf.length);
                try {
                    off += Holder.LIBC.send(fd, rest, new NativeLong(rest.length), MSG_NOSIGNAL).intValue();
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new IOException("write failed: errno " + e.getErrorCode());
                    }
                }
            }
            return buf.length;
        } finally {
            use.readLock().unlock();
        }
    }

    /**
     * Writes {@code bytes} with descriptor {@code passFd} attached to their first part
     * ({@code sendmsg} with {@code SCM_RIGHTS}); the rest follows as ordinary writes. The caller
     * keeps its copy of {@code passFd}.
     */
    void writeWithFd(byte[] bytes, int passFd) throws IOException {
        use.readLock().lock();
        try {
            checkOpen();
            try (Memory data = new Memory(bytes.length);
                 Memory iov = new Memory(IOVEC);
                 Memory control = new Memory(CMSG_SPACE_INT);
                 Memory msg = new Memory(MSGHDR)) {
                data.write(0, bytes, 0, bytes.length);
                iov.setPointer(0, data);
                iov.setLong(8, bytes.length);
                control.clear();
                control.setLong(0, CMSG_LEN_INT);
                control.setInt(8, SOL_SOCKET);
                control.setInt(12, SCM_RIGHTS);
                control.setInt(16, passFd);
                msg.clear();
                msg.setPointer(16, iov);
                msg.setLong(24, 1);
                msg.setPointer(32, control);
                msg.setLong(40, CMSG_SPACE_INT);
                long sent;
                while (true) {
                    try {
                        sent = Holder.LIBC.sendmsg(fd, msg, MSG_NOSIGNAL).longValue();
                        break;
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() != EINTR) {
                            throw new IOException("sendmsg failed: errno " + e.getErrorCode());
                        }
                    }
                }
                if (sent < bytes.length) {
                    write(ByteBuffer.wrap(bytes, (int) sent, bytes.length - (int) sent));
                }
            }
        } finally {
            use.readLock().unlock();
        }
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    /** Shuts the socket down (waking a blocked read), then releases it. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Holder.LIBC.shutdown(fd, SHUT_RDWR);
        } catch (LastErrorException e) {
            // not connected any more: nothing to wake
        }
        use.writeLock().lock();
        try {
            closeFd(fd);
        } finally {
            use.writeLock().unlock();
        }
    }

    private void checkOpen() throws ClosedChannelException {
        if (closed.get()) {
            throw new ClosedChannelException();
        }
    }

    private static void closeFd(int fd) {
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            // nothing left to release
        }
    }
}
