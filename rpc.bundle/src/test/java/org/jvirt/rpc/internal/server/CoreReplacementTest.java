package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The core is replaced under the server (as when its bundle is updated) while a remote client
 * calls: the client's connection and its event callback carry over to the new core, no call fails.
 */
class CoreReplacementTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * A core as the server sees it in OSGi: when it stops, the connections it handed out are
     * closed and it opens no more (what the core's deactivation does).
     */
    private static final class StoppableCore implements ConnectionFactory {
        final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
        final Set<Connection> handedOut = ConcurrentHashMap.newKeySet();
        volatile boolean stopped;

        @Override
        public Connection open(String uri, int flags) throws VirtException {
            if (stopped) {
                throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, "core stopped");
            }
            Connection c = core.open(uri, flags);
            handedOut.add(c);
            return c;
        }

        @Override
        public List<DriverInfo> drivers() {
            return core.drivers();
        }

        void stop() {
            stopped = true;
            handedOut.forEach(Connection::close);
        }
    }

    private static TestDriver testDriver(Path state) throws VirtException {
        return new TestDriver(new FileStateStore(state), new DomainXmlCodecImpl());
    }

    @Test
    void clientsKeepTheirConnectionAndCallbacksAcrossACoreReplacement(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state");
        StoppableCore first = new StoppableCore();
        first.core.addDriver(testDriver(state), Map.of(HypervisorDriver.SCHEMES, "test"));
        CoreLink link = new CoreLink(WAIT);
        link.bind(first);
        RpcServer server = new RpcServer(link, ServerSettings.unix(dir.resolve("sock"), null));
        server.start();
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        try (Connection conn = client.open("test+unix:///default?socket=" + dir.resolve("sock"), 0)) {
            BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
            conn.addLifecycleListener((dom, ev) -> events.add(ev));
            Caller caller = new Caller(conn);
            caller.start();
            caller.awaitCalls(200);

            // the old core goes (unregistered, then stopped); the new one registers before its driver
            link.unbind(first);
            first.stop();
            long callsWithoutCore = caller.calls.get();
            StoppableCore second = new StoppableCore();
            link.bind(second);
            second.core.addDriver(testDriver(state), Map.of(HypervisorDriver.SCHEMES, "test"));
            caller.awaitCalls(caller.calls.get() + 200);
            caller.finish();

            System.out.println("core replaced under the RPC server: " + caller.calls.get() + " client calls ("
                    + (caller.calls.get() - callsWithoutCore) + " after the old core stopped), "
                    + caller.failures.size() + " failed");
            assertEquals(List.of(), caller.failures);
            assertEquals(1, second.handedOut.size(), "connections the new core handed out (the reopened session)");

            Domain test = conn.lookupByName("test");
            assertEquals(DomainState.RUNNING, test.info().state());
            events.clear();
            test.destroy(0);
            DomainEvent stopped = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(stopped, "no event from the new core through the callback registered before");
            assertEquals(DomainEventType.STOPPED, stopped.type());
        } finally {
            server.close();
        }
    }

    @Test
    void aCallFailsWithNoConnectWhenNoCoreComesBackInTime(@TempDir Path dir) throws Exception {
        StoppableCore only = new StoppableCore();
        only.core.addDriver(testDriver(dir.resolve("state")), Map.of(HypervisorDriver.SCHEMES, "test"));
        CoreLink link = new CoreLink(Duration.ofMillis(300));
        link.bind(only);
        RpcServer server = new RpcServer(link, ServerSettings.unix(dir.resolve("sock"), null));
        server.start();
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        try (Connection conn = client.open("test+unix:///default?socket=" + dir.resolve("sock"), 0)) {
            assertEquals("TEST", conn.type());
            link.unbind(only);
            only.stop();
            VirtException e = assertThrows(VirtException.class, conn::type);
            assertEquals(ErrorCode.NO_CONNECT, e.code());
            assertTrue(e.getMessage().contains("core"), e.getMessage());
        } finally {
            server.close();
        }
    }

    /** Calls listAllDomains and info of each domain in a loop, collecting failures. */
    private static final class Caller extends Thread {
        final Connection conn;
        final AtomicLong calls = new AtomicLong();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        volatile boolean running = true;

        Caller(Connection conn) {
            super("core-replacement-caller");
            this.conn = conn;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    for (Domain d : conn.listAllDomains(0)) {
                        d.info();
                        calls.incrementAndGet();
                    }
                } catch (VirtException | RuntimeException e) {
                    failures.add(e.toString());
                }
                calls.incrementAndGet();
            }
        }

        void awaitCalls(long n) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (calls.get() < n) {
                assertTrue(System.nanoTime() < deadline, "client calls: " + calls.get() + " of " + n
                        + ", failures " + failures);
                Thread.sleep(5);
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join(WAIT.toMillis());
        }
    }
}
