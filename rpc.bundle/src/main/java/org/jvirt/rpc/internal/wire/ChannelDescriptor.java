package org.jvirt.rpc.internal.wire;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import sun.misc.Unsafe;

/**
 * The descriptor number of a {@link SocketChannel}, which sendmsg(2) and recvmsg(2) need to pass
 * descriptors with SCM_RIGHTS (Java 17's channels cannot, and do not say which descriptor they
 * use). The JDK's channel implementation keeps it in its {@code fdVal} field; the module system
 * forbids reflective access to it without an {@code --add-opens} on every launcher (jvirtd, the
 * tests, Karaf), so it is read with {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, like
 * the daemon's {@code sun.misc.Signal}), which needs none. The number is checked to name a socket
 * ({@code /proc/self/fd}) before use: a JDK that keeps it elsewhere gives an error, never another file.
 */
final class ChannelDescriptor {
    private ChannelDescriptor() {
    }

    static int of(SocketChannel channel) throws IOException {
        int fd;
        try {
            Field field = channel.getClass().getDeclaredField("fdVal");
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Unsafe unsafe = (Unsafe) theUnsafe.get(null);
            fd = unsafe.getInt(channel, unsafe.objectFieldOffset(field));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot find the descriptor of " + channel.getClass().getName() + ": " + e, e);
        }
        Path link = Path.of("/proc/self/fd", Integer.toString(fd));
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IOException("descriptor " + fd + " of the channel is not open: " + e.getMessage(), e);
        }
        if (!target.startsWith("socket:")) {
            throw new IOException("descriptor " + fd + " of the channel is " + target + ", not a socket");
        }
        return fd;
    }
}
