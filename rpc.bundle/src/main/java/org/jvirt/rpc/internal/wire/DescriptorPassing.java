package org.jvirt.rpc.internal.wire;

import java.io.EOFException;
import java.io.IOException;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * libvirt's descriptor passing on a UNIX socket ({@code virSocketSendFD}/{@code virSocketRecvFD}):
 * each descriptor goes alone, as an SCM_RIGHTS control message with one data byte, after the
 * message that announced it. Java cannot send control messages, so this is sendmsg(2) and
 * recvmsg(2) of the C library through JNA, on the socket's descriptor ({@link ChannelDescriptor}).
 * The sockets are non-blocking (the channels' selectors): a call that would block waits with
 * poll(2), at most {@link #TIMEOUT_MS} in all. The structures are laid out for 64-bit Linux
 * ({@code struct msghdr}, {@code iovec}, {@code cmsghdr}, {@code pollfd}).
 */
public final class DescriptorPassing {
    static final int TIMEOUT_MS = 30_000;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final short POLLIN = 1;
    private static final short POLLOUT = 4;
    /** CMSG_LEN(sizeof(int)) and CMSG_SPACE(sizeof(int)) on 64-bit Linux. */
    private static final int CMSG_LEN = 20;
    private static final int CMSG_SPACE = 24;

    private interface LibC extends Library {
        NativeLong sendmsg(int sock, Pointer msg, int flags) throws LastErrorException;

        NativeLong recvmsg(int sock, Pointer msg, int flags) throws LastErrorException;

        int poll(Pointer fds, NativeLong nfds, int timeout) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private DescriptorPassing() {
    }

    /** Closes a descriptor received from a peer; false when close(2) failed. */
    public static boolean close(int fd) {
        try {
            Holder.LIBC.close(fd);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /** Sends {@code fd} over the UNIX socket {@code sock}. */
    static void send(int sock, int fd) throws IOException {
        checkPlatform();
        Message m = new Message();
        m.control.setLong(0, CMSG_LEN);
        m.control.setInt(8, SOL_SOCKET);
        m.control.setInt(12, SCM_RIGHTS);
        m.control.setInt(16, fd);
        m.header.setLong(40, CMSG_LEN);   // msg_controllen, as libvirt: the one header's length
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                Holder.LIBC.sendmsg(sock, m.header, 0);
                return;
            } catch (LastErrorException e) {
                retryOrThrow(e, sock, POLLOUT, deadline, "send a file descriptor");
            }
        }
    }

    /** Receives one descriptor from the UNIX socket {@code sock}; close-on-exec is set. */
    static int receive(int sock) throws IOException {
        checkPlatform();
        Message m = new Message();
        m.header.setLong(40, CMSG_SPACE);
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        long got;
        while (true) {
            try {
                got = Holder.LIBC.recvmsg(sock, m.header, MSG_CMSG_CLOEXEC).longValue();
                break;
            } catch (LastErrorException e) {
                retryOrThrow(e, sock, POLLIN, deadline, "receive a file descriptor");
            }
        }
        if (got == 0) {
            throw new EOFException("the peer closed the connection before sending its file descriptors");
        }
        boolean rights = m.header.getLong(40) >= CMSG_LEN && m.control.getLong(0) == CMSG_LEN
                && m.control.getInt(8) == SOL_SOCKET && m.control.getInt(12) == SCM_RIGHTS;
        if (!rights) {
            throw new IOException("the peer sent no file descriptor where one was announced");
        }
        return m.control.getInt(16);
    }

    private static void retryOrThrow(LastErrorException e, int sock, short event, long deadline, String what)
            throws IOException {
        int errno = e.getErrorCode();
        if (errno == EINTR) {
            return;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (errno != EAGAIN || left <= 0) {
            throw new IOException(errno == EAGAIN ? "cannot " + what + ": timed out"
                    : "cannot " + what + ": errno " + errno, e);
        }
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, sock);
        pollfd.setShort(4, event);
        pollfd.setShort(6, (short) 0);
        try {
            Holder.LIBC.poll(pollfd, new NativeLong(1), (int) Math.min(left, Integer.MAX_VALUE));
        } catch (LastErrorException pe) {
            if (pe.getErrorCode() != EINTR) {
                throw new IOException("cannot " + what + ": poll failed with errno " + pe.getErrorCode(), pe);
            }
        }
    }

    /** A {@code struct msghdr} with one one-byte {@code iovec} and room for one control message. */
    private static final class Message {
        final Memory header = new Memory(56);
        final Memory iov = new Memory(16);
        final Memory data = new Memory(1);
        final Memory control = new Memory(CMSG_SPACE);

        Message() {
            header.clear();
            control.clear();
            data.setByte(0, (byte) 0);
            iov.setPointer(0, data);
            iov.setLong(8, 1);
            header.setPointer(16, iov);     // msg_iov
            header.setLong(24, 1);          // msg_iovlen
            header.setPointer(32, control); // msg_control
        }
    }

    /** Refuses a host this layout is not for, before a descriptor is touched. */
    private static void checkPlatform() throws IOException {
        if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8 || !System.getProperty("os.name", "").equals("Linux")) {
            throw new IOException("file descriptor passing is implemented for 64-bit Linux only");
        }
    }
}
