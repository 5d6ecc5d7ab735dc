package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Hand-made frames over TCP: each gets an error reply or a clean close within a bounded time, the
 * connection stays where libvirtd keeps it, and a well-behaved client is served all along.
 */
class RawFramesTest {
    private static final long BOUND_NANOS = 3_000_000_000L;
    private Jvirtd jvirtd;
    private RawClient good;

    @BeforeEach
    void start() throws Exception {
        jvirtd = new Jvirtd();
        good = new RawClient(jvirtd.tcp);
        good.openTestDefault();
    }

    @AfterEach
    void stop() throws Exception {
        good.close();
        jvirtd.close();
    }

    private static byte[] frame(int prog, int vers, int proc, int type, int serial, int status, byte[] payload) {
        return new Message(prog, vers, proc, type, serial, status, payload).encode();
    }

    private static byte[] call(int proc, int serial, byte[] payload) {
        return frame(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.CALL, serial, 0, payload);
    }

    private void goodIsServed() throws Exception {
        good.send(call(RemoteProc.CONNECT_GET_TYPE, 77, new byte[0]));
        Message m = good.read();
        assertEquals(77, m.serial());
        assertEquals("TEST", m.payloadReader().readString());
    }

    private static RemoteError error(Message m, int serial) throws Exception {
        assertEquals(MessageType.REPLY, m.type(), m.toString());
        assertEquals(serial, m.serial(), m.toString());
        assertEquals(MessageType.STATUS_ERROR, m.status(), m.toString());
        return RemoteError.decode(m.payloadReader());
    }

    /** The connection still answers, with the reply to this call as the next message. */
    private static void stillAnswers(RawClient c, int serial) throws Exception {
        c.send(call(RemoteProc.CONNECT_GET_TYPE, serial, new byte[0]));
        Message m = c.read();
        assertEquals(serial, m.serial(), "the next message is the reply to the next call: " + m);
        assertEquals("TEST", m.payloadReader().readString());
    }

    @Test
    void lengthWordsOutsideLibvirtsBoundsCloseTheConnection() throws Exception {
        // 0, 3 and 27 are shorter than a header, the negative ones are 2-4 GiB unsigned, both over 32 MiB
        long[] lengths = {0, 3, 27, 0x80000000L, 0xffffffffL, 0xfffffffcL, 32 * 1024 * 1024 + 1};
        for (long length : lengths) {
            try (RawClient c = new RawClient(jvirtd.tcp)) {
                byte[] bytes = new byte[64];
                System.arraycopy(new XdrWriter().writeInt((int) length).toByteArray(), 0, bytes, 0, 4);
                long t0 = System.nanoTime();
                c.send(bytes);
                assertTrue(c.closedByServer(), "length " + length + " closes the connection");
                assertTrue(System.nanoTime() - t0 < BOUND_NANOS, "closed within a bounded time");
            }
            goodIsServed();
        }
    }

    @Test
    void aFrameOfJustAHeaderIsACallWithNoArguments() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.openTestDefault();
            byte[] f = call(RemoteProc.CONNECT_GET_TYPE, 5, new byte[0]);
            assertEquals(28, f.length);
            c.send(f);
            assertEquals("TEST", c.read().payloadReader().readString());
        }
    }

    @Test
    void aFrameSentInPiecesWithPausesIsServedAndOthersDoNotWait() throws Exception {
        try (RawClient slow = new RawClient(jvirtd.tcp)) {
            slow.openTestDefault();
            byte[] f = call(RemoteProc.CONNECT_GET_TYPE, 6, new byte[0]);
            for (int i = 0; i < f.length; i += 7) {
                slow.send(Arrays.copyOfRange(f, i, Math.min(f.length, i + 7)));
                long t0 = System.nanoTime();
                goodIsServed();
                assertTrue(System.nanoTime() - t0 < BOUND_NANOS);
                Thread.sleep(50);
            }
            assertEquals("TEST", slow.read().payloadReader().readString());
        }
    }

    @Test
    void truncatedFramesFromClientsThatLeaveCostNothing() throws Exception {
        byte[] f = call(RemoteProc.DOMAIN_LOOKUP_BY_NAME, 3, new XdrWriter().writeString("test").toByteArray());
        for (int cut : new int[] {1, 3, 4, 5, 27, 28, f.length - 1}) {
            try (RawClient c = new RawClient(jvirtd.tcp)) {
                c.openTestDefault();
                c.send(Arrays.copyOf(f, cut));
            }
            goodIsServed();
        }
        long until = System.nanoTime() + BOUND_NANOS;
        while (jvirtd.server.clientCount() != 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(1, jvirtd.server.clientCount(), "every truncating client is gone");
    }

    @Test
    void fourMebibyteStringsAreDecodedAndOneByteMoreIsRefusedWithTheConnectionAlive() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.openTestDefault();
            String max = "<".repeat(XdrReader.STRING_MAX);
            long t0 = System.nanoTime();
            c.send(call(RemoteProc.DOMAIN_DEFINE_XML, 10, new XdrWriter().writeString(max).toByteArray()));
            RemoteError e = error(c.read(), 10);
            assertTrue(e.code() != ErrorCode.INTERNAL_ERROR.number(), "refused as bad XML, not as a crash: " + e);
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "within a bounded time");

            c.send(call(RemoteProc.DOMAIN_DEFINE_XML, 11, new XdrWriter().writeString(max + "<").toByteArray()));
            e = error(c.read(), 11);
            assertEquals(ErrorCode.RPC.number(), e.code(), e.message());
            assertTrue(e.message().contains("Unable to decode message payload"), e.message());
            assertTrue(e.message().contains("exceeds maximum " + XdrReader.STRING_MAX), e.message());
            stillAnswers(c, 12);
        }
        goodIsServed();
    }

    @Test
    void unknownProgramsVersionsAndProceduresGetErrorRepliesAndTheConnectionStays() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.openTestDefault();
            c.send(frame(Programs.REMOTE, 2, RemoteProc.CONNECT_GET_TYPE, MessageType.CALL, 20, 0, new byte[0]));
            RemoteError e = error(c.read(), 20);
            assertEquals(ErrorCode.RPC.number(), e.code());
            assertTrue(e.message().contains("Cannot find program " + Programs.REMOTE + " version 2"), e.message());

            c.send(frame(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PING, MessageType.CALL,
                    21, 0, new byte[0]));
            assertEquals(ErrorCode.RPC.number(), error(c.read(), 21).code(), "keepalive is not called, only messaged");

            // numbers outside the protocol: libvirtd 9.0's RPC error (WireDifferentialTest compares)
            for (int proc : new int[] {0, -1, Integer.MAX_VALUE}) {
                c.send(call(proc, 22, new byte[0]));
                e = error(c.read(), 22);
                assertEquals(ErrorCode.RPC.number(), e.code(), e.message());
                assertTrue(e.message().endsWith("unknown procedure: " + proc), e.message());
            }
            // a procedure of the protocol that jvirtd does not serve (here an event message)
            c.send(call(RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, 22, new byte[0]));
            e = error(c.read(), 22);
            assertEquals(ErrorCode.NO_SUPPORT.number(), e.code(), e.message());
            assertTrue(e.message().endsWith("unknown procedure: " + RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE),
                    e.message());
            stillAnswers(c, 23);
        }
        goodIsServed();
    }

    @Test
    void messagesOfTheWrongTypeAreDroppedAsLibvirtdDoesAndTheConnectionStays() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.openTestDefault();
            int[] types = {MessageType.REPLY, MessageType.MESSAGE, MessageType.STREAM, MessageType.REPLY_WITH_FDS,
                MessageType.STREAM_HOLE, 99, -1};
            for (int type : types) {
                c.send(frame(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.CONNECT_GET_TYPE, type, 30, 0,
                        new byte[0]));
            }
            stillAnswers(c, 31);   // no reply to any of them: the next message is this call's

            c.send(frame(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.CONNECT_GET_TYPE, MessageType.CALL, 32,
                    MessageType.STATUS_ERROR, new byte[0]));
            RemoteError e = error(c.read(), 32);
            assertEquals(ErrorCode.RPC.number(), e.code());
            assertTrue(e.message().endsWith("Unexpected message status 1"), e.message());

            c.send(frame(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.CONNECT_GET_TYPE,
                    MessageType.CALL_WITH_FDS, 33, 0, new byte[] {0, 0, 0, 1}));
            assertEquals(ErrorCode.NO_SUPPORT.number(), error(c.read(), 33).code());
            stillAnswers(c, 34);
        }
        goodIsServed();
    }

    @Test
    void argumentsThatDoNotDecodeGetAnRpcErrorAndTheConnectionStays() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.openTestDefault();
            byte[][] bad = {
                {0, 0, 0},                               // truncated int
                {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'},   // string length 2 GiB
                {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // string length -1
                {0, 0, 0, 2, (byte) 0xc3, 0x28, 0, 0},   // invalid UTF-8
            };
            int serial = 40;
            for (byte[] args : bad) {
                c.send(call(RemoteProc.DOMAIN_LOOKUP_BY_NAME, ++serial, args));
                RemoteError e = error(c.read(), serial);
                assertEquals(ErrorCode.RPC.number(), e.code(), e.message());
                assertTrue(e.message().contains("Unable to decode message payload"), e.message());
            }
            stillAnswers(c, 50);
        }
        goodIsServed();
    }
}
