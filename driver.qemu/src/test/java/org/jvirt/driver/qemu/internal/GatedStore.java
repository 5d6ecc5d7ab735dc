package org.jvirt.driver.qemu.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;

/**
 * A state store for fault injection: changes (writes and deletes) of the records a predicate
 * picks can be held at a gate (to look at the driver while one is in progress) and then fail as a
 * full disk would, or fail at random. Reads always work.
 */
final class GatedStore implements StateStore {
    private final StateStore delegate;
    volatile Predicate<String> failing = key -> false;
    volatile Predicate<String> gated = key -> false;
    volatile double failRate;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    GatedStore(StateStore delegate) {
        this.delegate = delegate;
    }

    private void change(String key) throws VirtException {
        if (gated.test(key)) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failing.test(key) || (failRate > 0 && ThreadLocalRandom.current().nextDouble() < failRate)) {
            throw new VirtException(ErrorCode.WRITE_FAILED, ErrorDomain.CONF, key + ": No space left on device");
        }
    }

    @Override
    public void write(String driver, RecordKind kind, String key, byte[] content) throws VirtException {
        change(key);
        delegate.write(driver, kind, key, content);
    }

    @Override
    public Optional<byte[]> read(String driver, RecordKind kind, String key) throws VirtException {
        return delegate.read(driver, kind, key);
    }

    @Override
    public Map<String, byte[]> readAll(String driver, RecordKind kind) throws VirtException {
        return delegate.readAll(driver, kind);
    }

    @Override
    public void delete(String driver, RecordKind kind, String key) throws VirtException {
        change(key);
        delegate.delete(driver, kind, key);
    }
}
