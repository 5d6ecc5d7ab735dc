package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.server.ServerSettings.Limits;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.LogCapture;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Every queue a client can add to is bounded, with libvirtd's settings and semantics: a client at
 * max_client_requests is not read from, a client that reads neither replies nor events is dropped
 * with a log line, the worker queue holds max_clients x max_client_requests, and a priority worker
 * destroys a domain while every worker is stuck.
 */
class QueueBoundsTest {

    private static byte[] openArgs() {
        return new XdrWriter().writeOptString("test:///default").writeInt(0).toByteArray();
    }

    private static long servedInNanos(RawClient good, int serial) throws Exception {
        long t0 = System.nanoTime();
        good.send(RawClient.callFrame(RemoteProc.CONNECT_GET_TYPE, serial, new byte[0]));
        Message m = good.read();
        assertEquals(serial, m.serial());
        assertEquals("TEST", m.payloadReader().readString());
        return System.nanoTime() - t0;
    }

    private static boolean await(Jvirtd d, int clients, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (d.server.clientCount() != clients && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return d.server.clientCount() == clients;
    }

    @Test
    void aFloodingClientIsThrottledWithItsRepliesBoundedThenDroppedWhileOthersAreServed() throws Exception {
        try (LogCapture log = new LogCapture();
             Jvirtd d = new Jvirtd(s -> s.withLimits(10, 2, 2).withKeepalive(1, 2));
             RawClient good = new RawClient(d.tcp); RawClient flooder = new RawClient(d.tcp)) {
            good.openTestDefault();
            flooder.socket.setReceiveBufferSize(4096);
            flooder.openTestDefault();
            byte[] caps = RawClient.callFrame(RemoteProc.CONNECT_GET_CAPABILITIES, 2, new byte[0]);
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 20_000; i++) {
                        flooder.send(caps);
                    }
                } catch (Exception e) {
                    // the server dropped it: expected in the end
                }
            }, "flooder");
            sender.setDaemon(true);
            sender.start();
            long worst = 0;
            int largestOutbox = 0;
            int mostQueued = 0;
            long until = System.nanoTime() + 2_000_000_000L;
            for (int serial = 100; System.nanoTime() < until; serial++) {
                largestOutbox = Math.max(largestOutbox, d.server.largestOutbox());
                mostQueued = Math.max(mostQueued, d.server.workers().queued());
                worst = Math.max(worst, servedInNanos(good, serial));
            }
            assertTrue(log.await("hit max requests limit 2", 5000), "the throttled client is named once in the log");
            assertEquals(1, log.count("hit max requests limit 2"));
            assertTrue(largestOutbox <= 2, "at most max_client_requests replies wait per client, saw " + largestOutbox);
            assertTrue(mostQueued <= 2 * 2, "the worker queue holds what the clients' slots allow, saw " + mostQueued);
            assertTrue(worst < 1_000_000_000L, "the good client waited " + worst / 1_000_000 + " ms at worst");
            // it reads nothing for keepalive interval x count (2 s): dropped
            assertTrue(await(d, 1, 10_000), "the flooder is dropped");
            // the session closes, then logs why: the count may drop just before the line is there
            assertTrue(log.await("has not read what the server sent", 5000), log.text());
            assertTrue(flooder.closedByServer());
            servedInNanos(good, 99);
        }
    }

    /** A UNIX socket client that can stop reading; its kernel buffers are small, so the server sees it soon. */
    private static final class UnixClient implements AutoCloseable {
        final SocketChannel channel;
        final DataInputStream in;

        UnixClient(Path socket) throws Exception {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            in = new DataInputStream(Channels.newInputStream(channel));
        }

        Message call(int proc, int serial, byte[] args) throws Exception {
            ByteBuffer b = ByteBuffer.wrap(RawClient.callFrame(proc, serial, args));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            return Frames.read(in::readFully);
        }

        @Override
        public void close() throws Exception {
            channel.close();
        }
    }

    @Test
    void aClientThatNeverReadsItsEventsIsDroppedWithALogLineAndOthersAreUnaffected() throws Exception {
        Limits few = new Limits(10, 10, 20, 1, 4, 1, 5, 20);
        try (LogCapture log = new LogCapture();
             Jvirtd d = new Jvirtd(s -> s.withLimits(few));
             RawClient good = new RawClient(d.tcp); UnixClient deaf = new UnixClient(d.rw)) {
            good.openTestDefault();
            assertEquals(MessageType.STATUS_OK, deaf.call(RemoteProc.CONNECT_OPEN, 1, openArgs()).status());
            good.send(RawClient.callFrame(RemoteProc.DOMAIN_LOOKUP_BY_NAME, 3, new XdrWriter().writeString("test").toByteArray()));
            WireDomain dom = WireDomain.read(good.read().payloadReader());
            XdrWriter w = new XdrWriter();
            dom.write(w);
            byte[] domArgs = w.toByteArray();
            // two callbacks (every domain, and the test domain: libvirtd tracks one per event ID and
            // domain filter): each state change sends it two events
            Message all = deaf.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, 2,
                    new XdrWriter().writeInt(RemoteProc.EVENT_ID_LIFECYCLE).writeInt(0).toByteArray());
            assertEquals(MessageType.STATUS_OK, all.status(), all.toString());
            XdrWriter one = new XdrWriter().writeInt(RemoteProc.EVENT_ID_LIFECYCLE).writeInt(1);
            dom.write(one);
            Message test = deaf.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, 3, one.toByteArray());
            assertEquals(MessageType.STATUS_OK, test.status(), test.toString());
            // from now on "deaf" reads nothing; every suspend and resume sends it events
            int largestOutbox = 0;
            int serial = 10;
            long until = System.nanoTime() + 20_000_000_000L;
            while (d.server.clientCount() > 1 && System.nanoTime() < until) {
                for (int proc : new int[] {RemoteProc.DOMAIN_SUSPEND, RemoteProc.DOMAIN_RESUME}) {
                    good.send(RawClient.callFrame(proc, ++serial, domArgs));
                    Message m = good.read();
                    assertEquals(MessageType.STATUS_OK, m.status(), m.toString());
                    largestOutbox = Math.max(largestOutbox, d.server.largestOutbox());
                }
            }
            assertEquals(1, d.server.clientCount(), "the client that does not read its events is dropped");
            assertTrue(log.await("does not read its events (20 queued, at most 20): dropping it", 2000), log.text());
            assertTrue(largestOutbox <= 20, "at most max_client_events wait, saw " + largestOutbox);
            System.out.println("state changes until the deaf client was dropped: " + (serial - 10)
                    + " (20 events each)");
            servedInNanos(good, 1000);
        }
    }

    @Test
    void aPriorityWorkerDestroysADomainWhileEveryWorkerIsStuck(@TempDir Path dir) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger stuck = new AtomicInteger();
        ConnectionFactory real = Hosts.testDefault(dir.resolve("state"));
        ConnectionFactory slowHostname = new ConnectionFactory() {
            @Override
            public Connection open(String uri, int flags) throws VirtException {
                Connection c = real.open(uri, flags);
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, args) -> {
                            if (m.getName().equals("hostname")) {
                                stuck.incrementAndGet();
                                release.await(20, TimeUnit.SECONDS);
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
        try (Jvirtd d = new Jvirtd(slowHostname, s -> s.withLimits(new Limits(10, 10, 20, 2, 2, 1, 5, 100)));
             RawClient a = new RawClient(d.tcp); RawClient c = new RawClient(d.tcp)) {
            a.openTestDefault();
            c.openTestDefault();
            a.send(RawClient.callFrame(RemoteProc.CONNECT_GET_HOSTNAME, 10, new byte[0]));
            a.send(RawClient.callFrame(RemoteProc.CONNECT_GET_HOSTNAME, 11, new byte[0]));
            long until = System.nanoTime() + 5_000_000_000L;
            while (stuck.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(2, stuck.get(), "both workers are stuck");
            c.send(RawClient.callFrame(RemoteProc.CONNECT_GET_TYPE, 20, new byte[0]));     // normal: waits for a worker
            c.send(RawClient.callFrame(RemoteProc.DOMAIN_LOOKUP_BY_NAME, 21, new XdrWriter().writeString("test").toByteArray()));
            Message found = c.read();
            assertEquals(21, found.serial(), "the lookup ran on the priority worker, before the queued call");
            XdrWriter w = new XdrWriter();
            WireDomain.read(found.payloadReader()).write(w);
            c.send(RawClient.callFrame(RemoteProc.DOMAIN_DESTROY, 22, w.toByteArray()));
            Message destroyed = c.read();
            assertEquals(22, destroyed.serial());
            assertEquals(MessageType.STATUS_OK, destroyed.status(), destroyed.toString());
            release.countDown();
            Message type = c.read();
            assertEquals(20, type.serial(), "the normal call ran once a worker was free");
            assertEquals("TEST", type.payloadReader().readString());
            assertEquals(MessageType.STATUS_OK, a.read().status());
            assertEquals(MessageType.STATUS_OK, a.read().status());
        } finally {
            release.countDown();
        }
    }

    @Test
    void theWorkerQueueHoldsMaxClientsTimesMaxClientRequestsAndRefusesMore() throws Exception {
        WorkerPool pool = new WorkerPool(new Limits(2, 10, 20, 0, 1, 0, 2, 10));
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertEquals(4, pool.capacity());
            for (int i = 0; i < 5; i++) {   // one runs, four wait
                pool.submit(() -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, false);
            }
            assertEquals(4, pool.queued());
            assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> { }, false));
        } finally {
            release.countDown();
            pool.close();
        }
    }

    @Test
    void minWorkersStartUpFrontAndMaxWorkersBoundsThem() throws Exception {
        WorkerPool pool = new WorkerPool(new Limits(5, 10, 20, 3, 6, 0, 5, 10));
        try {
            assertEquals(3, pool.threads(), "min_workers started at once");
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 10; i++) {
                pool.submit(() -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, false);
            }
            long until = System.nanoTime() + 5_000_000_000L;
            while (pool.queued() != 4 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(6, pool.threads(), "never more than max_workers");
            assertEquals(4, pool.queued(), "6 run, the rest wait");
            release.countDown();
        } finally {
            pool.close();
        }
    }

    @Test
    void aWorkerIsAddedOnlyWhenNoneIsFree() throws Exception {
        WorkerPool pool = new WorkerPool(new Limits(5, 10, 20, 2, 6, 0, 5, 10));
        try {
            for (int i = 0; i < 50; i++) {   // one call at a time: the two idle workers take them all
                CountDownLatch done = new CountDownLatch(1);
                pool.submit(done::countDown, false);
                assertTrue(done.await(10, TimeUnit.SECONDS));
                long until = System.nanoTime() + 5_000_000_000L;
                while (pool.busy() > 0 && System.nanoTime() < until) {   // the worker returns to the pool
                    Thread.sleep(1);
                }
            }
            assertEquals(2, pool.threads(), "sequential calls run on the min_workers threads");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(4);
            for (int i = 0; i < 4; i++) {    // four calls at once: two more workers
                pool.submit(() -> {
                    running.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, false);
            }
            assertTrue(running.await(10, TimeUnit.SECONDS), "every call runs at once");
            assertEquals(4, pool.threads());
            release.countDown();
        } finally {
            pool.close();
        }
    }

    @Test
    void theSettingsAreLibvirtdsNamesAndDefaults() {
        ServerSettings defaults = ServerSettings.of(RpcServerComponentTest.config(Map.of()), Path.of("run"));
        assertEquals(Limits.LIBVIRTD, defaults.limits());
        assertEquals(new Limits(5000, 1000, 20, 5, 20, 5, 5, 1000), defaults.limits());
        ServerSettings set = ServerSettings.of(RpcServerComponentTest.config(Map.of("max_clients", 7,
                "max_queued_clients", 8, "max_anonymous_clients", 9, "min_workers", 2, "max_workers", 3, "prio_workers", 0,
                "max_client_requests", 4, "max_client_events", 50)), Path.of("run"));
        assertEquals(new Limits(7, 8, 9, 2, 3, 0, 4, 50), set.limits());
        assertEquals(28, set.limits().maxQueuedCalls());
    }

    @Test
    void theClientBeyondMaxClientsIsRefusedWithLibvirtdsLogLine() throws Exception {
        try (LogCapture log = new LogCapture();
             Jvirtd d = new Jvirtd(s -> s.withLimits(1, 5, 2));
             RawClient first = new RawClient(d.tcp); RawClient second = new RawClient(d.tcp)) {
            first.openTestDefault();
            assertTrue(second.closedByServer());
            assertTrue(log.await("Too many active clients (1), dropping connection from", 2000), log.text());
            servedInNanos(first, 5);
        }
    }
}
