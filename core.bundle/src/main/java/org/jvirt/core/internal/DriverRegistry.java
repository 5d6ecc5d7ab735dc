package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.spi.HypervisorDriver;

/**
 * The hypervisor drivers registered now, best first, with a way to wait for a change.
 * <p>
 * Reads are lock-free (an immutable snapshot); the lock only guards the change counter that
 * callers waiting for a replacement driver block on.
 */
final class DriverRegistry {

    /**
     * The scheme of the driver that serves URIs naming a transport or a host
     * ({@code qemu+tcp://h/system}, {@code test://h/default}), like libvirt's remote driver.
     */
    static final String REMOTE_SCHEME = HypervisorDriver.REMOTE_SCHEME;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile List<DriverEntry> entries = List.of();
    private long version;

    /**
     * The schemes a URI is routed by, in order, as libvirt tries its drivers: a URI with a
     * transport goes to the remote driver only; a URI with a host but no transport first to the
     * drivers of its own scheme (which decline it unless they reach hosts themselves, like ESX),
     * then to the remote driver; a local URI to the drivers of its scheme.
     */
    static List<String> routingSchemes(ConnectUri uri) {
        if (uri.transport() != null) {
            return List.of(REMOTE_SCHEME);
        }
        return uri.isRemote() ? List.of(uri.driver(), REMOTE_SCHEME) : List.of(uri.driver());
    }

    void add(DriverEntry entry) {
        change(list -> {
            list.removeIf(e -> e.driver() == entry.driver());
            list.add(entry);
        });
    }

    /** Removes the driver; returns the entry it had, if any. */
    Optional<DriverEntry> remove(HypervisorDriver driver) {
        Optional<DriverEntry> old = entries.stream().filter(e -> e.driver() == driver).findFirst();
        change(list -> list.removeIf(e -> e.driver() == driver));
        return old;
    }

    /** All drivers, best first. */
    List<DriverEntry> all() {
        return entries;
    }

    /** The drivers that serve {@code uri}'s routing schemes, in scheme order, best first within one. */
    List<DriverEntry> candidates(ConnectUri uri) {
        List<DriverEntry> out = new ArrayList<>();
        for (String scheme : routingSchemes(uri)) {
            entries.stream().filter(e -> e.schemes().contains(scheme) && !out.contains(e)).forEach(out::add);
        }
        return out;
    }

    /** True while the registration behind {@code entry} is still present. */
    boolean isRegistered(DriverEntry entry) {
        for (DriverEntry e : entries) {
            if (e.sameService(entry)) {
                return true;
            }
        }
        return false;
    }

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the registry changes after {@code seen} (or {@link #poke()} is called), at most
     * {@code nanos}.
     */
    void awaitChange(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (version == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter, e.g. because a connection was closed. */
    void poke() {
        change(list -> { });
    }

    private void change(Consumer<List<DriverEntry>> edit) {
        lock.lock();
        try {
            List<DriverEntry> copy = new ArrayList<>(entries);
            edit.accept(copy);
            copy.sort(DriverEntry.BEST_FIRST);
            entries = List.copyOf(copy);
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
