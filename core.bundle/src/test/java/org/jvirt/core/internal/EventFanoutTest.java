package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.junit.jupiter.api.Test;

class EventFanoutTest {
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));

    private record Seen(String thread, Domain domain, DomainEvent event) {
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(2);
        }
    }

    @Test
    void eventsReachEveryListenerInOrderOnTheConnectionsEventThread() throws Exception {
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", 0)) {
            List<Seen> a = new CopyOnWriteArrayList<>();
            List<Seen> b = new CopyOnWriteArrayList<>();
            int idA = c.addLifecycleListener((dom, ev) -> a.add(new Seen(Thread.currentThread().getName(), dom, ev)));
            int idB = c.addLifecycleListener((dom, ev) -> b.add(new Seen(Thread.currentThread().getName(), dom, ev)));
            assertNotEquals(idA, idB);
            Domain dom = c.lookupByName("test");
            dom.destroy(0);
            dom.create(0);
            await(() -> a.size() == 2 && b.size() == 2, "two events per listener");
            for (List<Seen> seen : List.of(a, b)) {
                assertEquals(DomainEventType.STOPPED, seen.get(0).event().type());
                assertEquals(DomainEventType.STARTED, seen.get(1).event().type());
                assertEquals(dom, seen.get(0).domain(), "listeners get Domain objects of this connection");
                assertEquals("jvirt-events test:///default", seen.get(0).thread());
            }

            // many events from a driver thread arrive complete and in order
            UUID u = UUID.randomUUID();
            for (int i = 0; i < 500; i++) {
                d.emit(new DomainEvent("vm" + i, u, i, DomainEventType.DEFINED, 0));
            }
            await(() -> a.size() == 502, "500 more events");
            for (int i = 0; i < 500; i++) {
                assertEquals("vm" + i, a.get(i + 2).domain().name());
            }

            c.removeLifecycleListener(idA);
            dom.destroy(0);
            await(() -> b.size() == 503, "event after removal");
            Thread.sleep(50);
            assertEquals(502, a.size(), "a removed listener hears nothing more");

            c.removeLifecycleListener(idB);
            assertNull(d.connections.get(0).sink, "no listener left: the driver stops delivering");
        }
    }

    @Test
    void rebootsReachOnRebootInOrderWithLifecycleEventsAndLambdaListenersIgnoreThem() throws Exception {
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", 0)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            List<DomainEvent> lifecycleOnly = new CopyOnWriteArrayList<>();
            c.addLifecycleListener(new DomainEventListener() {
                @Override
                public void onLifecycle(Domain dom, DomainEvent ev) {
                    heard.add(ev.type() + " " + dom.name());
                }

                @Override
                public void onReboot(Domain dom) {
                    heard.add("REBOOT " + dom.name() + " " + dom.uuid() + " " + Thread.currentThread().getName());
                }
            });
            c.addLifecycleListener((dom, ev) -> lifecycleOnly.add(ev));
            UUID u = UUID.randomUUID();
            d.emit(new DomainEvent("vm1", u, 3, DomainEventType.STARTED, 0));
            d.emitReboot(new DomainRef("vm1", u, 3));
            d.emit(new DomainEvent("vm1", u, 3, DomainEventType.SUSPENDED, 0));
            await(() -> heard.size() == 3 && lifecycleOnly.size() == 2, "two lifecycle events and a reboot");
            assertEquals(List.of("STARTED vm1", "REBOOT vm1 " + u + " jvirt-events test:///default", "SUSPENDED vm1"),
                    heard);
        }
    }

    @Test
    void deviceEventsReachTheirMethodsInOrderWithTheOthers() throws Exception {
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", 0)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            List<DomainEvent> lifecycleOnly = new CopyOnWriteArrayList<>();
            c.addLifecycleListener(new DomainEventListener() {
                @Override
                public void onLifecycle(Domain dom, DomainEvent ev) {
                    heard.add(ev.type() + " " + dom.name());
                }

                @Override
                public void onDeviceRemoved(Domain dom, String alias) {
                    heard.add("REMOVED " + dom.name() + " " + alias + " " + Thread.currentThread().getName());
                }

                @Override
                public void onDeviceRemovalFailed(Domain dom, String alias) {
                    heard.add("FAILED " + dom.name() + " " + alias);
                }
            });
            // a listener that overrides nothing but onLifecycle hears no device event and breaks nothing
            c.addLifecycleListener((dom, ev) -> lifecycleOnly.add(ev));
            UUID u = UUID.randomUUID();
            d.emit(new DomainEvent("vm1", u, 3, DomainEventType.STARTED, 0));
            d.emitDevice(new DomainRef("vm1", u, 3), "scsi0-0-0-1", false);
            d.emitDevice(new DomainRef("vm1", u, 3), "virtio-disk2", true);
            d.emit(new DomainEvent("vm1", u, 3, DomainEventType.STOPPED, 1));
            await(() -> heard.size() == 4 && lifecycleOnly.size() == 2, "two lifecycle and two device events");
            assertEquals(List.of("STARTED vm1", "REMOVED vm1 scsi0-0-0-1 jvirt-events test:///default",
                    "FAILED vm1 virtio-disk2", "STOPPED vm1"), heard);
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        core.addDriver(new FakeDriver("Test", 1, host), FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", 0)) {
            List<DomainEvent> ok = new CopyOnWriteArrayList<>();
            c.addLifecycleListener((dom, ev) -> {
                throw new IllegalStateException("listener bug");
            });
            c.addLifecycleListener((dom, ev) -> ok.add(ev));
            c.lookupByName("test").destroy(0);
            await(() -> ok.size() == 1, "the second listener's event");
        }
    }

    @Test
    void listenersKeepHearingAfterADriverSwapWithoutAnyClientCall() throws Exception {
        FakeDriver old = new FakeDriver("Test", 1, host);
        core.addDriver(old, FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", 0)) {
            List<DomainEvent> seen = new CopyOnWriteArrayList<>();
            c.addLifecycleListener((dom, ev) -> seen.add(ev));
            core.removeDriver(old);
            old.deactivated = true;
            FakeDriver replacement = new FakeDriver("Test", 2, host);
            core.addDriver(replacement, FakeDriver.props(0, "test"));
            // the facade rebinds in the background and hands the new driver connection its sink
            await(() -> !replacement.connections.isEmpty() && replacement.connections.get(0).sink != null,
                    "the sink on the replacement's connection");
            replacement.emit(new DomainEvent("test", UUID.randomUUID(), 1, DomainEventType.STARTED, 0));
            await(() -> seen.size() == 1, "an event from the replacement");
            assertNotNull(seen.get(0));
        }
    }

    @Test
    void closingTheConnectionStopsDelivery() throws VirtException, InterruptedException {
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        Connection c = core.open("test:///default", 0);
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        c.addLifecycleListener((dom, ev) -> seen.add(ev));
        c.close();
        d.emit(new DomainEvent("test", UUID.randomUUID(), 1, DomainEventType.STARTED, 0));
        Thread.sleep(50);
        assertTrue(seen.isEmpty());
        assertNull(d.connections.get(0).sink);
    }
}
