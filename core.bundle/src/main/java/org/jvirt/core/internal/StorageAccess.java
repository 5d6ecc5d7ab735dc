package org.jvirt.core.internal;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolEvent;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StorageDriverConnection;

/** The storage driver of a connection ({@link SecondaryAccess}): {@link DriverConnection#ownStorage()}, else the shared {@link StorageDriver}. */
final class StorageAccess extends SecondaryAccess<StorageDriver, StorageDriverConnection, StoragePoolEvent, StoragePoolEventListener> {
    private final Function<StoragePoolEvent, StoragePool> pools;

    StorageAccess(Supplier<StorageDriver> shared, int openFlags, EventFanout thread, Function<StoragePoolEvent, StoragePool> pools) {
        super(shared, openFlags, thread, ErrorDomain.STORAGE);
        this.pools = pools;
    }

    @Override
    Optional<StorageDriverConnection> own(DriverConnection dc) {
        return dc.ownStorage();
    }

    @Override
    boolean usesShared(DriverConnection dc) {
        return dc.usesSharedStorage();
    }

    @Override
    StorageDriverConnection open(StorageDriver driver, int flags) throws VirtException {
        return driver.open(flags);
    }

    @Override
    void close(StorageDriverConnection connection) {
        connection.close();
    }

    @Override
    void setSink(StorageDriverConnection connection, Consumer<StoragePoolEvent> eventSink) {
        connection.setEventSink(eventSink == null ? null : eventSink::accept);
    }

    @Override
    void notify(StoragePoolEventListener listener, StoragePoolEvent event) {
        listener.onStoragePoolEvent(pools.apply(event), event);
    }
}
