package org.jvirt.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain event listeners of one connection and the single thread that calls them, so that every
 * listener sees the events in the order the driver raised them and a slow listener never blocks
 * the driver. The thread starts with the first listener and ends when the connection closes.
 */
final class EventFanout {
    private static final Logger LOG = LoggerFactory.getLogger(EventFanout.class);

    private final String name;
    private final Function<DomainRef, Domain> domains;
    private final Map<Integer, DomainEventListener> listeners = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final DomainEventSink sink = new DomainEventSink() {
        @Override
        public void accept(DomainEvent event) {
            enqueue(event);
        }

        @Override
        public void reboot(DomainRef dom) {
            enqueueReboot(dom);
        }

        @Override
        public void deviceRemoved(DomainRef dom, String alias) {
            enqueueDevice(dom, alias, DomainEventListener::onDeviceRemoved);
        }

        @Override
        public void deviceRemovalFailed(DomainRef dom, String alias) {
            enqueueDevice(dom, alias, DomainEventListener::onDeviceRemovalFailed);
        }
    };
    private ExecutorService thread;
    private boolean shutdown;

    /**
     * @param name    names the event thread ({@code jvirt-events test:///default})
     * @param domains makes the {@link Domain} object handed to listeners for an event
     */
    EventFanout(String name, Function<DomainRef, Domain> domains) {
        this.name = name;
        this.domains = domains;
    }

    /** The sink to give driver connections; the same object for every driver this connection uses. */
    DomainEventSink sink() {
        return sink;
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Registers a listener and returns its callback id. */
    int add(DomainEventListener listener) {
        executor(); // start the thread before the first event can arrive
        int id = nextId.getAndIncrement();
        listeners.put(id, listener);
        return id;
    }

    /** Removes a listener; false when no listener has that id. */
    boolean remove(int callbackId) {
        return listeners.remove(callbackId) != null;
    }

    /** Runs a task on the event thread (used to rebind in the background); false when shut down. */
    boolean submit(Runnable task) {
        ExecutorService ex = executor();
        if (ex == null) {
            return false;
        }
        try {
            ex.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    synchronized void shutdown() {
        shutdown = true;
        listeners.clear();
        if (thread != null) {
            thread.shutdown();
        }
    }

    private void enqueue(DomainEvent event) {
        if (event == null || listeners.isEmpty()) {
            return;
        }
        submit(() -> deliver(event));
    }

    private void deliver(DomainEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        Domain domain = domains.apply(new DomainRef(event.name(), event.uuid(), event.id()));
        for (Map.Entry<Integer, DomainEventListener> e : listeners.entrySet()) {
            try {
                e.getValue().onLifecycle(domain, event);
            } catch (RuntimeException | Error ex) { // one listener's failure must not cost the others this event
                LOG.warn("lifecycle listener {} of {} failed on {}", e.getKey(), name, event, ex);
            }
        }
    }

    private void enqueueReboot(DomainRef dom) {
        if (dom == null || listeners.isEmpty()) {
            return;
        }
        submit(() -> deliverReboot(dom));
    }

    private void deliverReboot(DomainRef dom) {
        if (listeners.isEmpty()) {
            return;
        }
        Domain domain = domains.apply(dom);
        for (Map.Entry<Integer, DomainEventListener> e : listeners.entrySet()) {
            try {
                e.getValue().onReboot(domain);
            } catch (RuntimeException | Error ex) { // as deliver: the others still get the reboot
                LOG.warn("domain event listener {} of {} failed on the reboot of {}", e.getKey(), name, dom.name(), ex);
            }
        }
    }

    /** How a device event reaches one listener. */
    @FunctionalInterface
    private interface DeviceCall {
        void call(DomainEventListener listener, Domain domain, String alias);
    }

    private void enqueueDevice(DomainRef dom, String alias, DeviceCall call) {
        if (dom == null || alias == null || listeners.isEmpty()) {
            return;
        }
        submit(() -> deliverDevice(dom, alias, call));
    }

    private void deliverDevice(DomainRef dom, String alias, DeviceCall call) {
        if (listeners.isEmpty()) {
            return;
        }
        Domain domain = domains.apply(dom);
        for (Map.Entry<Integer, DomainEventListener> e : listeners.entrySet()) {
            try {
                call.call(e.getValue(), domain, alias);
            } catch (RuntimeException | Error ex) { // as deliver: the others still get the event
                LOG.warn("domain event listener {} of {} failed on device {} of {}", e.getKey(), name, alias,
                        dom.name(), ex);
            }
        }
    }

    private synchronized ExecutorService executor() {
        if (shutdown) {
            return null;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jvirt-events " + name);
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }
}
