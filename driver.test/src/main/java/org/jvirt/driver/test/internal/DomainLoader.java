package org.jvirt.driver.test.internal;

import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;

/**
 * Puts the domains of a host description in place ({@code testParseDomains}): a domain that is
 * not shut off is started with the next ID, then takes the described state with reason 0.
 */
final class DomainLoader {
    private final TestHost host;

    DomainLoader(TestHost host) {
        this.host = host;
    }

    void add(DomainDef def, boolean persistent, DomainState state, boolean managedSave) throws VirtException {
        DomainObj byUuid = host.byUuid(def.uuid());
        if (byUuid != null) {
            throw TestDriverErrors.failed("domain '" + byUuid.name() + "' is already defined with uuid " + byUuid.uuid());
        }
        DomainObj byName = host.byName(def.name());
        if (byName != null) {
            throw TestDriverErrors.failed("domain '" + def.name() + "' already exists with uuid " + byName.uuid());
        }
        DomainObj dom = new DomainObj(def, persistent);
        if (state != DomainState.SHUTOFF) {
            dom.markStarted(host.nextId());
            host.setNextId(host.nextId() + 1);
        }
        dom.setState(state, 0);
        dom.setManagedSave(managedSave);
        host.put(dom);
    }
}
