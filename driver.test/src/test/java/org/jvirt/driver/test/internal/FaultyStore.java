package org.jvirt.driver.test.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;

/**
 * A state store that fails on purpose: once armed, the {@code n}-th write or delete from then on
 * (and, if {@code sticky}, every one after it) fails as a full disk would. Reads always work.
 */
final class FaultyStore implements StateStore {
    private final StateStore delegate;
    private final AtomicInteger countdown = new AtomicInteger(-1);
    private volatile boolean sticky;
    final AtomicInteger failures = new AtomicInteger();

    FaultyStore(StateStore delegate) {
        this.delegate = delegate;
    }

    /** The {@code n}-th change from now fails (1 = the next); with {@code sticky} every later one too. */
    void failChange(int n, boolean sticky) {
        this.sticky = sticky;
        countdown.set(n);
    }

    void heal() {
        countdown.set(-1);
        sticky = false;
    }

    private void maybeFail(String what) throws VirtException {
        int left = countdown.get();
        if (left < 0) {
            return;
        }
        if (left > 1) {
            countdown.decrementAndGet();
            return;
        }
        if (!sticky) {
            countdown.set(-1);
        }
        failures.incrementAndGet();
        throw new VirtException(ErrorCode.WRITE_FAILED, ErrorDomain.CONF, what + ": No space left on device");
    }

    @Override
    public void write(String driver, RecordKind kind, String key, byte[] content) throws VirtException {
        maybeFail(driver + "/" + kind + "/" + key);
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
        maybeFail(driver + "/" + kind + "/" + key);
        delegate.delete(driver, kind, key);
    }
}
