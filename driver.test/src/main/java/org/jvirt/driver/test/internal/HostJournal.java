package org.jvirt.driver.test.internal;

import java.util.Collection;
import java.util.OptionalInt;
import java.util.UUID;

import org.jvirt.api.VirtException;

/**
 * Where a test host writes down every change so that a new driver instance can rebuild it.
 * The default host writes to the core's state store; hosts loaded from a file keep nothing
 * (as in libvirt, they live as long as their connection).
 */
interface HostJournal {

    /** A journal that keeps nothing. */
    HostJournal NONE = (saved, removed, nextId) -> { };

    /**
     * Records one change of the host as a whole: every record it needs is prepared (formatted)
     * before the first is written, and when a write fails the records already written are put
     * back, so the journal holds the host before or after the change, not a mix.
     *
     * @param saved   the domains whose definitions and runtime status changed
     * @param removed the domains that are gone
     * @param nextId  the ID the next started domain gets, if it changed
     * @throws VirtException the change could not be recorded; the journal is as before
     */
    void commit(Collection<DomainObj> saved, Collection<UUID> removed, OptionalInt nextId) throws VirtException;
}
