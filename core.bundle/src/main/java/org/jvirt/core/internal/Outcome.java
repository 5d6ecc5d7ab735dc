package org.jvirt.core.internal;

import java.util.Optional;

import org.jvirt.api.VirtException;

/**
 * What a state-changing call achieved, read on the replacement of a driver that went away during
 * the call: the call's result when the state it asks for holds now, empty when that cannot be
 * told. Never changes anything.
 */
@FunctionalInterface
interface Outcome<T> {
    /** No way to tell: the caller hears that the outcome is unknown. */
    static <T> Outcome<T> unknown() {
        return b -> Optional.empty();
    }

    Optional<T> check(Binding binding) throws VirtException;
}
