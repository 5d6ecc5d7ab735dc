package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * max_client_requests and max_workers hold: calls of the real test driver whose
 * {@code hostname()} is held at a latch show how many run at once.
 */
class ConcurrencyLimitsTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    /** The real core, with every connection's hostname() blocking until {@link #release}. */
    private ConnectionFactory slowHostname(ConnectionFactory real) {
        return new ConnectionFactory() {
            @Override
            public Connection open(String uri, int flags) throws VirtException {
                Connection c = real.open(uri, flags);
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, args) -> {
                            if (m.getName().equals("hostname")) {
                                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                                try {
                                    release.await(20, TimeUnit.SECONDS);
                                } finally {
                                    running.decrementAndGet();
                                }
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

    private void awaitRunning(int n) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (running.get() < n && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    @Test
    void perClientRequestLimitAndWorkerPoolBoundHold(@TempDir Path dir) throws Exception {
        ConnectionFactory core = slowHostname(Hosts.testDefault(dir.resolve("state")));
        // 2 calls in flight per client, 3 workers for everybody
        try (Jvirtd d = new Jvirtd(core, s -> s.withLimits(10, 2, 3));
             RawClient a = new RawClient(d.tcp); RawClient b = new RawClient(d.tcp); RawClient c = new RawClient(d.tcp)) {
            a.openTestDefault();
            b.openTestDefault();
            c.openTestDefault();
            for (int serial = 10; serial < 15; serial++) {
                a.send(RawClient.callFrame(RemoteProc.CONNECT_GET_HOSTNAME, serial, new byte[0]));
            }
            awaitRunning(2);
            Thread.sleep(300);
            assertEquals(2, running.get(), "client a has max_client_requests = 2 calls running");
            for (int serial = 20; serial < 25; serial++) {
                b.send(RawClient.callFrame(RemoteProc.CONNECT_GET_HOSTNAME, serial, new byte[0]));
            }
            awaitRunning(3);
            Thread.sleep(300);
            assertEquals(3, running.get(), "max_workers = 3 bounds all clients together");
            release.countDown();
            int replies = 0;
            for (int i = 0; i < 5; i++) {
                Message m = a.read();
                assertEquals(MessageType.STATUS_OK, m.status());
                assertTrue(m.serial() >= 10 && m.serial() < 15, m.toString());
                replies++;
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(MessageType.STATUS_OK, b.read().status());
                replies++;
            }
            assertEquals(10, replies);
            assertEquals(3, maxRunning.get(), "never more than max_workers at once");
            c.send(RawClient.callFrame(RemoteProc.CONNECT_GET_TYPE, 99, new byte[0]));
            Message m = c.read();
            assertEquals(99, m.serial());
            assertEquals("TEST", m.payloadReader().readString());
        }
    }
}
