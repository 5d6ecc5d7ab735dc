package org.jvirt.core.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriverConnection;

/** One call into the secret driver a connection uses. */
@FunctionalInterface
interface SecretCall<T> {
    T apply(SecretDriverConnection secrets) throws VirtException;
}
