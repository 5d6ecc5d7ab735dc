package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.ChannelTransport;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's LXC program on jvirtd serving the test driver (no containers): its procedure is
 * dispatched with libvirtd's checks (read-only socket, a driver without containers, a socket that
 * cannot pass descriptors, an unknown procedure), and a call that sends descriptors is refused
 * after they are taken off the socket, so the stream stays in step.
 */
class LxcProgramTest {

    @Test
    void theLxcProgramOverUnixSockets() throws Exception {
        try (Jvirtd jvirtd = new Jvirtd()) {
            ChannelTransport c = unix(jvirtd.rw);
            try {
                byte[] dom = openAndFindTest(c);
                RemoteError e = lxcCall(c, Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE, 10, dom);
                assertEquals(ErrorCode.NO_SUPPORT.number(), e.code(), e.message());
                assertTrue(e.message().contains("virDomainLxcOpenNamespace"), e.message());
                e = lxcCall(c, 2, 11, dom);
                assertEquals(ErrorCode.RPC.number(), e.code());
                assertEquals("RPC error: unknown procedure: 2", e.message());
                e = lxcCall(c, Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE, 12, new byte[] {0, 0});
                assertTrue(e.message().startsWith("RPC error: Unable to decode message payload"), e.message());

                // a call with two descriptors (this JVM's standard output and error)
                c.write(new Message(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.CONNECT_GET_TYPE,
                        MessageType.CALL_WITH_FDS, 13, 0, new XdrWriter().writeInt(2).toByteArray()).encode());
                c.sendDescriptor(1);
                c.sendDescriptor(2);
                RemoteError refused = error(Frames.read(c), 13);
                assertEquals(ErrorCode.NO_SUPPORT.number(), refused.code());
                assertEquals("TEST", type(c, 14), "the next reply is the next call's: the stream is in step");
            } finally {
                c.close();
            }
            ChannelTransport ro = unix(jvirtd.ro);
            try {
                byte[] dom = openAndFindTest(ro);
                RemoteError e = lxcCall(ro, Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE, 20, dom);
                assertEquals(ErrorCode.OPERATION_DENIED.number(), e.code());
                assertEquals("operation forbidden: read only access prevents virDomainLxcOpenNamespace", e.message());
            } finally {
                ro.close();
            }
        }
    }

    @Test
    void tcpCannotCarryTheDescriptors() throws Exception {
        try (Jvirtd jvirtd = new Jvirtd(); RawClient c = new RawClient(jvirtd.tcp)) {
            c.openTestDefault();
            c.send(RawClient.callFrame(RemoteProc.DOMAIN_LOOKUP_BY_NAME, 2, new XdrWriter().writeString("test")
                    .toByteArray()));
            byte[] dom = c.read().payload();
            c.send(new Message(Programs.LXC, Programs.LXC_VERSION, Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE,
                    MessageType.CALL, 3, 0, new XdrWriter().writeRaw(dom).writeInt(0).toByteArray()).encode());
            RemoteError e = error(c.read(), 3);
            assertEquals(ErrorCode.CONFIG_UNSUPPORTED.number(), e.code());
            assertEquals("unsupported configuration: Sending file descriptors is not supported on this socket",
                    e.message());
        }
    }

    private static ChannelTransport unix(Path socket) throws Exception {
        return new ChannelTransport(SocketChannel.open(UnixDomainSocketAddress.of(socket)), true, "unix:" + socket);
    }

    /** Opens test:///default and returns the wire form of its domain "test". */
    private static byte[] openAndFindTest(ChannelTransport c) throws Exception {
        c.write(RawClient.callFrame(RemoteProc.CONNECT_OPEN, 1, new XdrWriter().writeOptString("test:///default")
                .writeInt(0).toByteArray()));
        assertEquals(MessageType.STATUS_OK, Frames.read(c).status());
        c.write(RawClient.callFrame(RemoteProc.DOMAIN_LOOKUP_BY_NAME, 2, new XdrWriter().writeString("test")
                .toByteArray()));
        Message m = Frames.read(c);
        assertEquals(MessageType.STATUS_OK, m.status());
        return m.payload();
    }

    private static RemoteError lxcCall(ChannelTransport c, int proc, int serial, byte[] dom) throws Exception {
        byte[] args = dom.length < 4 ? dom : new XdrWriter().writeRaw(dom).writeInt(0).toByteArray();
        c.write(new Message(Programs.LXC, Programs.LXC_VERSION, proc, MessageType.CALL, serial, 0, args).encode());
        return error(Frames.read(c), serial);
    }

    private static String type(ChannelTransport c, int serial) throws Exception {
        c.write(RawClient.callFrame(RemoteProc.CONNECT_GET_TYPE, serial, new byte[0]));
        Message m = Frames.read(c);
        assertEquals(serial, m.serial());
        XdrReader r = m.payloadReader();
        return r.readString();
    }

    private static RemoteError error(Message m, int serial) throws Exception {
        assertEquals(MessageType.REPLY, m.type(), m.toString());
        assertEquals(serial, m.serial(), m.toString());
        assertEquals(MessageType.STATUS_ERROR, m.status(), m.toString());
        return RemoteError.decode(m.payloadReader());
    }
}
