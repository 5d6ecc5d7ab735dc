package org.jvirt.core.internal;

import org.jvirt.api.VirtException;

/** One call into a driver connection, made (and repeated while its driver is replaced) by {@link DriverSession}. */
@FunctionalInterface
interface DriverCall<T> {
    T apply(Binding binding) throws VirtException;
}
