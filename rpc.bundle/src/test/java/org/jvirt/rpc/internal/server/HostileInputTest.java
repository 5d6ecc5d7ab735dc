package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.client.RpcClient;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.ChannelTransport;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** Hostile and broken clients get an error reply or a closed connection; everyone else is served. */
class HostileInputTest {
    private Jvirtd jvirtd;
    private RpcClient good;

    @BeforeEach
    void start() throws Exception {
        jvirtd = new Jvirtd();
        good = open(jvirtd);
    }

    @AfterEach
    void stop() throws Exception {
        good.close();
        jvirtd.close();
    }

    static RpcClient open(Jvirtd d) throws Exception {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(d.rw));
        RpcClient c = new RpcClient(new ChannelTransport(ch, true, "test"), 10_000);
        c.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString("test:///default").writeInt(0).toByteArray());
        return c;
    }

    /** The well-behaved client still gets answers. */
    private void othersStillServed() throws Exception {
        assertEquals("TEST", good.call(RemoteProc.CONNECT_GET_TYPE, new byte[0]).readString());
    }

    private static RemoteError error(Message m) throws Exception {
        assertEquals(MessageType.REPLY, m.type());
        assertEquals(MessageType.STATUS_ERROR, m.status(), m.toString());
        return RemoteError.decode(m.payloadReader());
    }

    @Test
    void oversizedLengthClosesTheConnection() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.send(new XdrWriter().writeInt(0x7fffffff).writeInt(0).toByteArray());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.send(new XdrWriter().writeInt(32 * 1024 * 1024 + 1).toByteArray());
            assertTrue(c.closedByServer());
        }
        othersStillServed();
    }

    @Test
    void announcedButUnsentMegabytesCostNoMemory() throws Exception {
        // 40 clients each announce a 32 MiB frame and send only its header: a server that
        // allocated by the length word would hold 1.25 GiB
        List<RawClient> clients = new ArrayList<>();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        try {
            for (int i = 0; i < 40; i++) {
                RawClient c = new RawClient(jvirtd.tcp);
                c.send(new XdrWriter().writeInt(32 * 1024 * 1024).writeInt(Programs.REMOTE).writeInt(1)
                        .writeInt(RemoteProc.CONNECT_OPEN).writeInt(0).writeInt(1).writeInt(0).toByteArray());
                clients.add(c);
            }
            assertEquals(41, waitForClients(41));
            Thread.sleep(300);
            othersStillServed();
            System.gc();
            long grown = rt.totalMemory() - rt.freeMemory() - before;
            assertTrue(grown < 64L * 1024 * 1024, "heap grew by " + grown / 1024 / 1024 + " MiB");
        } finally {
            for (RawClient c : clients) {
                c.close();
            }
        }
        assertEquals(1, waitForClients(1));
    }

    @Test
    void tooShortLengthAndGarbageCloseTheConnection() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.send(new XdrWriter().writeInt(8).writeInt(0).toByteArray());
            assertTrue(c.closedByServer());
        }
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.send(garbage);
            assertTrue(c.closedByServer());
        }
        othersStillServed();
    }

    @Test
    void truncatedFramesDoNotHurtTheServer() throws Exception {
        byte[] frame = new Message(Programs.REMOTE, 1, RemoteProc.AUTH_LIST, 0, 1, 0, new byte[100]).encode();
        for (int cut = 1; cut < frame.length; cut += 17) {
            try (RawClient c = new RawClient(jvirtd.tcp)) {
                c.send(Arrays.copyOf(frame, cut));
            }
        }
        othersStillServed();
        assertEquals(1, waitForClients(1), "only the good client is left");
    }

    @Test
    void unknownProgramProcedureAndBadArgumentsGetErrorRepliesAndTheConnectionStays() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.call(0x12345678, 1, 1, new byte[0]);
            RemoteError e = error(c.read());
            assertEquals(ErrorCode.RPC.number(), e.code());
            assertTrue(e.message().contains("Cannot find program 305419896 version 1"), e.message());

            c.call(Programs.REMOTE, 9999, 2, new byte[0]);
            Message m = c.read();
            assertEquals(2, m.serial());
            e = error(m);
            assertEquals(ErrorCode.RPC.number(), e.code(), "libvirtd 9.0's code for a number the protocol lacks");
            assertTrue(e.message().endsWith("unknown procedure: 9999"), e.message());

            c.call(Programs.REMOTE, RemoteProc.CONNECT_GET_TYPE, 3, new byte[0]);
            e = error(c.read());
            assertEquals(ErrorCode.INTERNAL_ERROR.number(), e.code());
            assertEquals("internal error: connection not open", e.message());

            c.call(Programs.REMOTE, RemoteProc.CONNECT_OPEN, 4, new byte[] {0, 0, 0, 1, 0x7f, 0, 0, 0});
            e = error(c.read());
            assertEquals(ErrorCode.RPC.number(), e.code());

            c.call(Programs.REMOTE, RemoteProc.AUTH_LIST, 5, new byte[0]);
            m = c.read();
            assertEquals(MessageType.STATUS_OK, m.status(), "connection still usable");
            assertEquals(5, m.serial());
        }
        othersStillServed();
    }

    @Test
    void aClientThatNeverReadsIsDroppedWhileOthersAreServed() throws Exception {
        // a client whose replies do not move for keepalive interval x count is dropped: 1 s x 2 here
        jvirtd.close();
        jvirtd = new Jvirtd(s -> s.withKeepalive(1, 2));
        good.close();
        good = open(jvirtd);
        try (RawClient slow = new RawClient(jvirtd.tcp)) {
            slow.socket.setReceiveBufferSize(4096);
            byte[] open = new Message(Programs.REMOTE, 1, RemoteProc.CONNECT_OPEN, 0, 1, 0,
                    new XdrWriter().writeOptString("test:///default").writeInt(0).toByteArray()).encode();
            slow.send(open);
            byte[] caps = new Message(Programs.REMOTE, 1, RemoteProc.CONNECT_GET_CAPABILITIES, 0, 2, 0,
                    new byte[0]).encode();
            XdrWriter burst = new XdrWriter();
            for (int i = 0; i < 2000; i++) {
                burst.writeRaw(caps);
            }
            byte[] b = burst.toByteArray();
            long worst = 0;
            boolean dropped = false;
            long until = System.nanoTime() + 30_000_000_000L;
            for (int round = 0; System.nanoTime() < until && !dropped; round++) {
                try {
                    slow.send(b);
                } catch (IOException e) {
                    dropped = true;   // the server closed the connection under us
                }
                long t0 = System.nanoTime();
                othersStillServed();
                worst = Math.max(worst, System.nanoTime() - t0);
            }
            assertTrue(dropped || waitForClients(1) == 1, "the non-reading client was dropped");
            assertTrue(worst < 2_000_000_000L, "a good client waited " + worst / 1_000_000 + " ms");
        }
        othersStillServed();
    }

    @Test
    void clientLimitRefusesTheExtraClient() throws Exception {
        jvirtd.close();
        jvirtd = new Jvirtd(s -> s.withLimits(2, 5, 4));
        good.close();
        good = open(jvirtd);
        try (RpcClient second = open(jvirtd); RawClient third = new RawClient(jvirtd.tcp)) {
            assertTrue(third.closedByServer(), "the third client exceeds max_clients 2");
            assertEquals("TEST", second.call(RemoteProc.CONNECT_GET_TYPE, new byte[0]).readString());
        }
        othersStillServed();
    }

    @Test
    void deadClientsAreDroppedAfterKeepaliveIntervalTimesCount() throws Exception {
        jvirtd.close();
        jvirtd = new Jvirtd(s -> s.withKeepalive(1, 2));
        good.close();
        good = open(jvirtd);
        // the good client (RpcClient answers pings) asks for keepalive too
        good.call(RemoteProc.CONNECT_SUPPORTS_FEATURE, new XdrWriter().writeInt(RemoteProc.FEATURE_PROGRAM_KEEPALIVE).toByteArray());
        try (RawClient dead = new RawClient(jvirtd.tcp)) {
            dead.call(Programs.REMOTE, RemoteProc.CONNECT_SUPPORTS_FEATURE, 1,
                    new XdrWriter().writeInt(RemoteProc.FEATURE_PROGRAM_KEEPALIVE).toByteArray());
            long t0 = System.nanoTime();
            Message reply = dead.read();
            assertEquals(1, reply.payloadReader().readInt(), "keepalive is supported");
            Message ping = dead.read();
            assertEquals(Programs.KEEPALIVE, ping.prog());
            assertEquals(Programs.KEEPALIVE_PING, ping.proc());
            assertEquals(MessageType.MESSAGE, ping.type());
            assertTrue(dead.closedByServer(), "never answered: dropped");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 2000 && ms < 6000, "dropped after " + ms + " ms, expected about 3 s");
        }
        othersStillServed();
        assertTrue(good.isOpen(), "a client that answers pings stays");
    }

    @Test
    void manyCallsInFlightOnOneConnectionAreMatchedBySerial() throws Exception {
        int threads = 8;
        int calls = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < calls; i++) {
                        String name = (i % 2 == 0) ? "test" : "nosuch";
                        try {
                            String got = WireDomain.read(good.call(RemoteProc.DOMAIN_LOOKUP_BY_NAME,
                                    new XdrWriter().writeString(name).toByteArray())).name();
                            ok += got.equals("test") ? 1 : 0;
                        } catch (VirtException e) {
                            ok += e.code() == ErrorCode.NO_DOMAIN && name.equals("nosuch") ? 1 : 0;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(calls, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(assertThrows(VirtException.class, () -> good.call(RemoteProc.DOMAIN_LOOKUP_BY_NAME,
                new XdrWriter().writeString("x").toByteArray())).getMessage().isEmpty());
    }

    private int waitForClients(int n) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (jvirtd.server.clientCount() != n && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return jvirtd.server.clientCount();
    }
}
