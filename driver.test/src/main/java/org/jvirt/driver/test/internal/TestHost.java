package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@link HostJournal}. One lock guards all domains (the test driver does nothing slow).
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
            if (closed) {
                throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.TEST,
                        "test:///default (this test driver instance has stopped)");
            }
            return action.run();
        } finally {
            lock.unlock();
        }
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

    void add(DomainObj dom) throws VirtException {
        domains.put(dom.uuid(), dom);
        journal.saveDomain(dom);
    }

    void remove(DomainObj dom) throws VirtException {
        domains.remove(dom.uuid());
        journal.removeDomain(dom.uuid());
    }

    void save(DomainObj dom) throws VirtException {
        journal.saveDomain(dom);
    }

    int nextId() {
        return nextId;
    }

    void setNextId(int next) {
        nextId = next;
    }

    /** Hands out the next domain ID, as libvirt's {@code nextDomID}. */
    int allocateId() throws VirtException {
        int id = nextId++;
        journal.saveNextId(nextId);
        return id;
    }

    /** Writes everything this host knows to its journal (a fresh default host). */
    void saveAll() throws VirtException {
        journal.saveNextId(nextId);
        for (DomainObj d : domains.values()) {
            journal.saveDomain(d);
        }
    }

    /** Sends a lifecycle event to every connection on this host, in order (lock held). */
    void emit(DomainObj dom, DomainEventType type, int detail, int id) {
        DomainEvent event = new DomainEvent(dom.name(), dom.uuid(), id, type, detail);
        for (TestConnection c : connections) {
            c.deliver(event);
        }
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
