package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * One simulated host: libvirt's {@code testDriver}. Node description, capabilities, domains and the
 * next domain ID, shared by every connection opened on it; every change goes to its
 * {@link HostJournal}. One lock guards all domains (the test driver does nothing slow); every
 * change runs in {@link #changing} and is all or nothing.
 */
final class TestHost {
    /** What a host operation does while holding the lock. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws VirtException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final NodeInfo nodeInfo;
    private final String capabilities;
    private final DomainXmlCodec codec;
    private final HostJournal journal;
    private final Map<UUID, DomainObj> domains = new LinkedHashMap<>();
    private final CopyOnWriteArraySet<TestConnection> connections = new CopyOnWriteArraySet<>();
    private int nextId = 1;
    /** The change in progress, while a thread holding the lock runs one. */
    private HostChange change;
    private volatile boolean closed;

    TestHost(NodeInfo nodeInfo, String capabilities, DomainXmlCodec codec, HostJournal journal) {
        this.nodeInfo = nodeInfo;
        this.capabilities = capabilities;
        this.codec = codec;
        this.journal = journal;
    }

    NodeInfo nodeInfo() {
        return nodeInfo;
    }

    String capabilities() {
        return capabilities;
    }

    DomainXmlCodec codec() {
        return codec;
    }

    /** libvirt's {@code VIR_NODEINFO_MAXCPUS}: every CPU of the topology, online or not. */
    int hostCpus() {
        return nodeInfo.nodes() * nodeInfo.sockets() * nodeInfo.cores() * nodeInfo.threads();
    }

    /**
     * Runs {@code action} under the host lock. Once the host is closed nothing runs any more, so
     * a stopped driver instance never writes to the store behind its replacement's back; the
     * core repeats such a call on the replacement.
     */
    <T> T locked(Action<T> action) throws VirtException {
        lock.lock();
        try {
            checkOpen();
            return action.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a state change under the host lock, all or nothing: {@code action} changes the domains
     * in memory and says what it touched ({@link #add}, {@link #save}, {@link #remove},
     * {@link #allocateId}, {@link #emit}); then the journal records the result in one batch, and
     * only then are the events sent. If the action or the journal fails (whatever it throws),
     * the domains and the next ID are put back as they were and no event is sent; other callers
     * never see the change half done, since they need the lock too.
     */
    <T> T changing(Action<T> action) throws VirtException {
        lock.lock();
        try {
            checkOpen();
            HostChange c = new HostChange(domains, nextId);
            change = c;
            boolean done = false;
            try {
                T result = action.run();
                journal.commit(touchedDomains(c), removedDomains(c),
                        c.isNextIdChanged() ? OptionalInt.of(nextId) : OptionalInt.empty());
                done = true;
                change = null;
                for (DomainEvent e : c.events()) {
                    connections.forEach(conn -> conn.deliver(e));
                }
                return result;
            } finally {
                if (!done) {
                    change = null;
                    nextId = c.restore(domains);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() throws VirtException {
        if (closed) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.TEST,
                    "test:///default (this test driver instance has stopped)");
        }
    }

    private List<DomainObj> touchedDomains(HostChange c) {
        return c.touched().stream().map(domains::get).filter(Objects::nonNull).toList();
    }

    private List<UUID> removedDomains(HostChange c) {
        return c.touched().stream().filter(uuid -> !domains.containsKey(uuid)).toList();
    }

    /** The change in progress; a journaled operation outside {@link #changing} is a bug. */
    private HostChange change() {
        if (change == null || !lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a test host is changed outside TestHost.changing");
        }
        return change;
    }

    /** The domain a handle names, or libvirt's "no domain with matching uuid". Lock held. */
    DomainObj find(DomainRef ref) throws VirtException {
        DomainObj dom = domains.get(ref.uuid());
        if (dom == null) {
            throw TestDriverErrors.noDomain(ref.uuid(), ref.name());
        }
        return dom;
    }

    DomainObj byUuid(UUID uuid) {
        return domains.get(uuid);
    }

    DomainObj byName(String name) {
        for (DomainObj d : domains.values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    DomainObj byId(int id) {
        if (id < 0) {
            return null;
        }
        for (DomainObj d : domains.values()) {
            if (d.id() == id) {
                return d;
            }
        }
        return null;
    }

    List<DomainObj> all() {
        return new ArrayList<>(domains.values());
    }

    /** Adds a domain without journaling it (loading). */
    void put(DomainObj dom) {
        domains.put(dom.uuid(), dom);
    }

    /** Adds a domain as part of the change in progress. */
    void add(DomainObj dom) {
        domains.put(dom.uuid(), dom);
        change().touch(dom.uuid());
    }

    /** Removes a domain as part of the change in progress. */
    void remove(DomainObj dom) {
        domains.remove(dom.uuid());
        change().touch(dom.uuid());
    }

    /** Marks a domain changed: the journal records it when the change completes. */
    void save(DomainObj dom) {
        change().touch(dom.uuid());
    }

    int nextId() {
        return nextId;
    }

    void setNextId(int next) {
        nextId = next;
    }

    /** Hands out the next domain ID, as libvirt's {@code nextDomID}. */
    int allocateId() {
        change().nextIdChanged();
        return nextId++;
    }

    /** Writes everything this host knows to its journal (a fresh default host). */
    void saveAll() throws VirtException {
        lock.lock();
        try {
            journal.commit(new ArrayList<>(domains.values()), List.of(), OptionalInt.of(nextId));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A lifecycle event of the change in progress: sent to every connection on this host, in
     * order, once the change is recorded; never if it fails.
     */
    void emit(DomainObj dom, DomainEventType type, int detail, int id) {
        change().raise(new DomainEvent(dom.name(), dom.uuid(), id, type, detail));
    }

    void emit(DomainObj dom, DomainEventType type, int detail) {
        emit(dom, type, detail, dom.id());
    }

    void attach(TestConnection connection) {
        connections.add(connection);
    }

    void detach(TestConnection connection) {
        connections.remove(connection);
    }

    boolean isClosed() {
        return closed;
    }

    /** The driver instance is going away: waits for running operations, then stops serving. */
    void close() {
        lock.lock();
        try {
            closed = true;
            connections.clear();
        } finally {
            lock.unlock();
        }
    }
}
