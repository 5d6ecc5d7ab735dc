package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.LogCapture;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Over the wire, whatever the connection behind a call throws (Errors included) or however large
 * its answer, the caller gets a reply with its serial, the same connection goes on working, the
 * worker survives and the failure is logged once with its stack.
 */
class EveryCallAnsweredTest {
    /** What hostname() throws, and what capabilities() returns, for the next calls. */
    private final AtomicReference<Throwable> hostnameThrows = new AtomicReference<>();
    private final AtomicReference<Supplier<String>> capabilities = new AtomicReference<>();

    private ConnectionFactory misbehaving(ConnectionFactory real) {
        return new ConnectionFactory() {
            @Override
            public Connection open(String uri, int flags) throws VirtException {
                Connection c = real.open(uri, flags);
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, args) -> {
                            Throwable t = hostnameThrows.get();
                            if (m.getName().equals("hostname") && t != null) {
                                throw t;
                            }
                            Supplier<String> caps = capabilities.get();
                            if (m.getName().equals("capabilities") && caps != null) {
                                return caps.get();
                            }
                            try {
                                return m.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public List<DriverInfo> drivers() {
                return real.drivers();
            }
        };
    }

    private static RemoteError error(Message m, int serial) throws Exception {
        assertEquals(MessageType.REPLY, m.type(), m.toString());
        assertEquals(serial, m.serial(), m.toString());
        assertEquals(MessageType.STATUS_ERROR, m.status(), m.toString());
        return RemoteError.decode(m.payloadReader());
    }

    @Test
    void whateverTheConnectionThrowsTheCallerGetsInternalErrorAndTheConnectionStays(@TempDir Path dir)
            throws Exception {
        Throwable[] failures = {
            new StackOverflowError("deep on purpose"), new OutOfMemoryError("full on purpose"),
            new AssertionError("impossible on purpose"), new IllegalStateException("bug on purpose"),
            new NoClassDefFoundError("org/example/Gone"),
        };
        try (LogCapture log = new LogCapture();
             Jvirtd d = new Jvirtd(misbehaving(Hosts.testDefault(dir.resolve("state"))), s -> s.withLimits(10, 5, 2));
             RawClient c = new RawClient(d.tcp); RawClient other = new RawClient(d.tcp)) {
            c.openTestDefault();
            other.openTestDefault();
            int serial = 10;
            for (Throwable t : failures) {
                hostnameThrows.set(t);
                long t0 = System.nanoTime();
                c.send(RawClient.callFrame(RemoteProc.CONNECT_GET_HOSTNAME, ++serial, new byte[0]));
                RemoteError e = error(c.read(), serial);
                assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered within a bounded time");
                assertEquals(ErrorCode.INTERNAL_ERROR.number(), e.code(), e.message());
                assertEquals("internal error: procedure " + RemoteProc.CONNECT_GET_HOSTNAME + " failed: " + t,
                        e.message());
                // the same connection, on a worker that survived (there are only 2)
                hostnameThrows.set(null);
                c.send(RawClient.callFrame(RemoteProc.CONNECT_GET_HOSTNAME, ++serial, new byte[0]));
                Message ok = c.read();
                assertEquals(serial, ok.serial());
                assertEquals(MessageType.STATUS_OK, ok.status(), ok.toString());
                assertEquals(1, log.count("procedure " + RemoteProc.CONNECT_GET_HOSTNAME + " failed unexpectedly\n" + t),
                        "logged once, with the stack:\n" + log.text());
            }
            assertTrue(log.text().contains("\tat "), "the stack is logged");
            other.send(RawClient.callFrame(RemoteProc.CONNECT_GET_TYPE, 99, new byte[0]));
            assertEquals("TEST", other.read().payloadReader().readString(), "other clients are served");
        }
    }

    @Test
    void aReplyLargerThanTheMessageLimitBecomesAnErrorReply(@TempDir Path dir) throws Exception {
        String huge = "x".repeat(Frames.MESSAGE_MAX);   // its XDR string alone exceeds 32 MiB
        try (Jvirtd d = new Jvirtd(misbehaving(Hosts.testDefault(dir.resolve("state"))));
             RawClient c = new RawClient(d.tcp)) {
            c.openTestDefault();
            capabilities.set(() -> huge);
            c.send(RawClient.callFrame(RemoteProc.CONNECT_GET_CAPABILITIES, 7, new byte[0]));
            RemoteError e = error(c.read(), 7);
            assertEquals(ErrorCode.RPC.number(), e.code(), e.message());
            assertTrue(e.message().contains("Unable to encode message payload"), e.message());
            assertTrue(e.message().contains("exceeds the message limit of " + Frames.MESSAGE_MAX), e.message());
            capabilities.set(null);
            c.send(RawClient.callFrame(RemoteProc.CONNECT_GET_TYPE, 9, new byte[0]));
            assertEquals("TEST", c.read().payloadReader().readString(), "the connection stays usable");
        }
    }

    @Test
    void aReplyAtTheMessageLimitGoesOutWholeAndOneByteMoreIsRefused() throws Exception {
        Message call = new Message(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.CONNECT_GET_CAPABILITIES,
                MessageType.CALL, 3, 0, new byte[0]);
        int fits = Frames.MESSAGE_MAX - Frames.LENGTH_BYTES - Frames.HEADER_BYTES;
        byte[] frame = Replies.encode(call, call.replyTo(MessageType.STATUS_OK, new byte[fits]));
        assertEquals(Frames.MESSAGE_MAX, frame.length);
        byte[] refused = Replies.encode(call, call.replyTo(MessageType.STATUS_OK, new byte[fits + 4]));
        Message m = Frames.decodeBody(Arrays.copyOfRange(refused, Frames.LENGTH_BYTES, refused.length));
        assertEquals(3, m.serial());
        assertEquals(ErrorCode.RPC.number(), error(m, 3).code());
    }
}
