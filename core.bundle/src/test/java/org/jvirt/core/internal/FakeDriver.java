package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.HypervisorDriver;

/**
 * A driver for testing the router itself: it can decline, fail, die (as when its bundle stops),
 * and run a hook in the middle of every call. Unsupported operations keep the SPI defaults.
 */
final class FakeDriver implements HypervisorDriver {
    final String name;
    final int generation;
    final FakeHost host;
    final AtomicInteger opens = new AtomicInteger();
    final List<Conn> connections = new CopyOnWriteArrayList<>();
    volatile boolean decline;
    volatile VirtException failOpen;
    volatile boolean deactivated;
    /** Runs at the start of every open; may throw. */
    volatile Runnable onOpen = () -> { };
    /** The state changes this driver carried out, by SPI method name. */
    final List<String> changes = new CopyOnWriteArrayList<>();
    /** Runs inside every call after the driver checked it is alive; may block or throw. */
    volatile Runnable midCall = () -> { };
    /** Whether the connections make domain handles themselves (without a call), as the ESX driver. */
    volatile boolean handles;

    FakeDriver(String name, int generation, FakeHost host) {
        this.name = name;
        this.generation = generation;
        this.host = host;
    }

    static Map<String, Object> props(int ranking, String... schemes) {
        return Map.of(HypervisorDriver.SCHEMES, schemes, "service.ranking", ranking);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        opens.incrementAndGet();
        onOpen.run();
        if (failOpen != null) {
            throw failOpen;
        }
        if (decline || deactivated) {
            return Optional.empty();
        }
        Conn c = new Conn();
        connections.add(c);
        return Optional.of(c);
    }

    /** Emits an event on every connection that has a sink, as a real driver does on a state change. */
    void emit(DomainEvent event) {
        for (Conn c : connections) {
            DomainEventSink s = c.sink;
            if (s != null) {
                s.accept(event);
            }
        }
    }

    /** Reports a reboot on every connection that has a sink, as a driver does when a guest resets. */
    void emitReboot(DomainRef dom) {
        for (Conn c : connections) {
            DomainEventSink s = c.sink;
            if (s != null) {
                s.reboot(dom);
            }
        }
    }

    /** A device-removed event ({@code failed}: device-removal-failed) to every connection's sink. */
    void emitDevice(DomainRef dom, String alias, boolean failed) {
        for (Conn c : connections) {
            DomainEventSink s = c.sink;
            if (s != null) {
                if (failed) {
                    s.deviceRemovalFailed(dom, alias);
                } else {
                    s.deviceRemoved(dom, alias);
                }
            }
        }
    }

    final class Conn implements DriverConnection {
        volatile boolean closed;
        volatile DomainEventSink sink;
        final AtomicInteger calls = new AtomicInteger();

        private void enter() {
            if (deactivated || closed) {
                throw new IllegalStateException("driver " + name + "#" + generation + " is deactivated");
            }
            midCall.run();
            if (deactivated || closed) {
                throw new IllegalStateException("driver " + name + "#" + generation + " was deactivated mid-call");
            }
            calls.incrementAndGet();
            host.served(generation);
        }

        private FakeHost.Dom dom(UUID uuid) throws VirtException {
            FakeHost.Dom d = host.domains.get(uuid);
            if (d == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching uuid '" + uuid + "'");
            }
            return d;
        }

        private DomainRef ref(FakeHost.Dom d) {
            return new DomainRef(d.name, d.uuid, d.state == DomainState.SHUTOFF ? -1 : d.id);
        }

        @Override
        public String type() {
            enter();
            return name;
        }

        @Override
        public long hypervisorVersion() {
            enter();
            return generation;
        }

        @Override
        public List<DomainRef> listAllDomains(int flags) {
            enter();
            List<DomainRef> out = new ArrayList<>();
            host.domains.values().forEach(d -> out.add(ref(d)));
            return out;
        }

        @Override
        public DomainRef lookupByName(String n) throws VirtException {
            enter();
            for (FakeHost.Dom d : host.domains.values()) {
                if (d.name.equals(n)) {
                    return ref(d);
                }
            }
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name '" + n + "'");
        }

        @Override
        public DomainRef lookupByUuid(UUID uuid) throws VirtException {
            enter();
            return ref(dom(uuid));
        }

        @Override
        public DomainRef lookupById(int id) throws VirtException {
            enter();
            for (FakeHost.Dom d : host.domains.values()) {
                if (d.id == id && d.state != DomainState.SHUTOFF) {
                    return ref(d);
                }
            }
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching id " + id);
        }

        @Override
        public Optional<DomainRef> domainHandle(String n, UUID uuid, int id) {
            return handles ? Optional.of(new DomainRef(n, uuid, id)) : Optional.empty();
        }

        @Override
        public String osType(DomainRef ref) throws VirtException {
            enter();
            dom(ref.uuid());
            return "hvm";
        }

        @Override
        public DomainStateInfo state(DomainRef ref) throws VirtException {
            enter();
            return new DomainStateInfo(dom(ref.uuid()).state, 1);
        }

        @Override
        public DomainInfo info(DomainRef ref) throws VirtException {
            enter();
            return new DomainInfo(dom(ref.uuid()).state, 8 << 20, 2 << 20, 2, generation);
        }

        @Override
        public boolean isPersistent(DomainRef ref) throws VirtException {
            enter();
            dom(ref.uuid());
            return true;
        }

        @Override
        public void destroy(DomainRef ref, int flags) throws VirtException {
            enter();
            changes.add("destroy");
            FakeHost.Dom d = dom(ref.uuid());
            d.state = DomainState.SHUTOFF;
            emit(new DomainEvent(d.name, d.uuid, -1, DomainEventType.STOPPED, DomainEventType.STOPPED_DESTROYED));
        }

        @Override
        public void create(DomainRef ref, int flags) throws VirtException {
            enter();
            changes.add("create");
            FakeHost.Dom d = dom(ref.uuid());
            d.state = DomainState.RUNNING;
            emit(new DomainEvent(d.name, d.uuid, d.id, DomainEventType.STARTED, DomainEventType.STARTED_BOOTED));
        }

        @Override
        public String xmlDesc(DomainRef ref, int flags) throws VirtException {
            enter();
            return "<domain type='test'><name>" + dom(ref.uuid()).name + "</name></domain>\n";
        }

        @Override
        public void setEventSink(DomainEventSink s) {
            sink = s;
        }

        @Override
        public boolean isAlive() {
            return !closed && !deactivated;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
