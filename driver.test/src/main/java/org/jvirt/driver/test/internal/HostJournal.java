package org.jvirt.driver.test.internal;

import java.util.UUID;

import org.jvirt.api.VirtException;

/**
 * Where a test host writes down every change so that a new driver instance can rebuild it.
 * The default host writes to the core's state store; hosts loaded from a file keep nothing
 * (as in libvirt, they live as long as their connection).
 */
interface HostJournal {

    /** A journal that keeps nothing. */
    HostJournal NONE = new HostJournal() {
        @Override
        public void saveDomain(DomainObj dom) {
        }

        @Override
        public void removeDomain(UUID uuid) {
        }

        @Override
        public void saveNextId(int nextId) {
        }
    };

    /** Records the domain's definitions and runtime status. */
    void saveDomain(DomainObj dom) throws VirtException;

    /** Forgets a domain that is gone. */
    void removeDomain(UUID uuid) throws VirtException;

    /** Records the ID the next started domain gets. */
    void saveNextId(int nextId) throws VirtException;
}
