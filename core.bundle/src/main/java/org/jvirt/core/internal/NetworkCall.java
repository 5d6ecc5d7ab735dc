package org.jvirt.core.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriverConnection;

/** One call into the network driver a connection uses. */
@FunctionalInterface
interface NetworkCall<T> {
    T apply(NetworkDriverConnection networks) throws VirtException;
}
