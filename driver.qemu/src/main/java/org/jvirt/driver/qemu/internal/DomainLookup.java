package org.jvirt.driver.qemu.internal;

import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/** Finds a domain by name, UUID, id or reference, failing with libvirt's "no domain" errors. */
final class DomainLookup {
    private final QemuHost host;

    DomainLookup(QemuHost host) {
        this.host = host;
    }

    DomainRef byName(String name) throws VirtException {
        QemuDomainObj d = host.byName(name);
        if (d == null) {
            throw QemuErrors.noDomain("no domain with matching name '" + name + "'");
        }
        return d.ref();
    }

    DomainRef byUuid(UUID uuid) throws VirtException {
        QemuDomainObj d = host.byUuid(uuid);
        if (d == null) {
            throw QemuErrors.noDomain("no domain with matching uuid '" + uuid + "'");
        }
        return d.ref();
    }

    DomainRef byId(int id) throws VirtException {
        QemuDomainObj d = host.byId(id);
        if (d == null) {
            throw QemuErrors.noDomain("no domain with matching id " + id);
        }
        return d.ref();
    }

    QemuDomainObj find(DomainRef ref) throws VirtException {
        QemuDomainObj d = host.byUuid(ref.uuid());
        if (d == null) {
            throw QemuErrors.noDomain(ref.uuid(), ref.name());
        }
        return d;
    }
}
