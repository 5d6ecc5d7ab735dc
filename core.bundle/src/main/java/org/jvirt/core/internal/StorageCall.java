package org.jvirt.core.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriverConnection;

/** One call into the storage driver a connection uses. */
@FunctionalInterface
interface StorageCall<T> {
    T apply(StorageDriverConnection storage) throws VirtException;
}
