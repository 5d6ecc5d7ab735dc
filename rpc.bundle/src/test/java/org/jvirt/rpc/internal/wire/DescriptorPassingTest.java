package org.jvirt.rpc.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libvirt's descriptor passing between two {@link ChannelTransport}s on a UNIX socket: each
 * descriptor arrives as a new descriptor of the same open file, in order, after the frame that
 * announced it, and the frames after it are read in step; TCP refuses.
 */
class DescriptorPassingTest {
    @TempDir
    Path dir;

    @Test
    void descriptorsFollowTheirFrameInOrderAndTheStreamStaysInStep() throws Exception {
        Path sock = dir.resolve("s");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(sock));
            other.bind(UnixDomainSocketAddress.of(dir.resolve("other")));
            ChannelTransport client = new ChannelTransport(SocketChannel.open(UnixDomainSocketAddress.of(sock)), true,
                    "client");
            ChannelTransport server = new ChannelTransport(listener.accept(), true, "server");
            SocketChannel extra = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("other")));
            SocketChannel extra2 = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("other")));
            try {
                assertTrue(server.passesDescriptors());
                // what goes: the descriptors of two sockets, files the receiver can recognise by inode
                int a = ChannelDescriptor.of(extra);
                int b = ChannelDescriptor.of(extra2);
                assertNotEquals(link(a), link(b));
                Message first = new Message(Programs.LXC, 1, 1, MessageType.REPLY_WITH_FDS, 7, 0, new byte[] {0, 0, 0, 2});
                server.write(first.encode());
                server.sendDescriptor(a);
                server.sendDescriptor(b);
                Message second = new Message(Programs.REMOTE, 1, 66, MessageType.REPLY, 8, 0, new byte[] {1, 2, 3, 4});
                server.write(second.encode());

                Message got = Frames.read(client);
                assertEquals(7, got.serial());
                int ra = client.receiveDescriptor();
                int rb = client.receiveDescriptor();
                assertNotEquals(a, ra);
                assertEquals(link(a), link(ra));
                assertEquals(link(b), link(rb));
                Message next = Frames.read(client);
                assertEquals(8, next.serial());
                assertArrayEquals(new byte[] {1, 2, 3, 4}, next.payload());
                assertTrue(DescriptorPassing.close(ra));
                assertTrue(DescriptorPassing.close(rb));
                assertFalse(Files.exists(Path.of("/proc/self/fd", Integer.toString(ra))));
            } finally {
                client.close();
                server.close();
                extra.close();
                extra2.close();
            }
        }
    }

    @Test
    void aReceiverWhosePeerSentNoDescriptorFails() throws Exception {
        Path sock = dir.resolve("s2");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(sock));
            ChannelTransport client = new ChannelTransport(SocketChannel.open(UnixDomainSocketAddress.of(sock)), true,
                    "client");
            ChannelTransport server = new ChannelTransport(listener.accept(), true, "server");
            try {
                server.write(new byte[] {0});   // a byte without a control message
                IOException e = assertThrows(IOException.class, client::receiveDescriptor);
                assertTrue(e.getMessage().contains("sent no file descriptor"), e.getMessage());
                server.close();
                assertThrows(IOException.class, client::receiveDescriptor);   // end of stream
            } finally {
                client.close();
                server.close();
            }
        }
    }

    @Test
    void tcpCannotPassDescriptors() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ChannelTransport client = new ChannelTransport(SocketChannel.open(listener.getLocalAddress()), false, "tcp");
            try {
                assertFalse(client.passesDescriptors());
                IOException e = assertThrows(IOException.class, () -> client.sendDescriptor(0));
                assertEquals("file descriptors cannot be passed over tcp", e.getMessage());
                assertThrows(IOException.class, client::receiveDescriptor);
            } finally {
                client.close();
            }
        }
    }

    private static String link(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
    }
}
