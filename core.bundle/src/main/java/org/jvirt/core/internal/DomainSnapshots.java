package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.VirtException;

/**
 * The snapshot entry points of a {@link DomainFacade} ({@code virDomainSnapshotCreateXML},
 * {@code virDomainListAllSnapshots}, ...), with libvirt's checks of each; the snapshots they return
 * are {@link SnapshotFacade}s of the domain.
 */
final class DomainSnapshots {
    private final DomainFacade domain;
    private final SnapshotCalls calls;

    DomainSnapshots(DomainFacade domain, SnapshotCalls calls) {
        this.domain = domain;
        this.calls = calls;
    }

    DomainSnapshot create(String xml, int flags) throws VirtException {
        String fn = "virDomainSnapshotCreateXML";
        SnapshotCalls.notNull(xml, "xmlDesc", fn);
        SnapshotCalls.requires(flags, SnapshotCreateFlag.CURRENT.bit(), "VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT",
                SnapshotCreateFlag.REDEFINE.bit(), "VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE");
        SnapshotCalls.exclusive(flags, SnapshotCreateFlag.REDEFINE.bit(), "VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE",
                SnapshotCreateFlag.NO_METADATA.bit(), "VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA");
        SnapshotCalls.exclusive(flags, SnapshotCreateFlag.REDEFINE.bit(), "VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE",
                SnapshotCreateFlag.HALT.bit(), "VIR_DOMAIN_SNAPSHOT_CREATE_HALT");
        return handle(calls.write(fn, (s, d) -> s.createXml(d, xml, flags)));
    }

    List<DomainSnapshot> listAll(int flags) throws VirtException {
        List<DomainSnapshot> out = new ArrayList<>();
        for (String name : calls.read("virDomainListAllSnapshots", (s, d) -> s.listNames(d, flags))) {
            out.add(handle(name));
        }
        return out;
    }

    int num(int flags) throws VirtException {
        return calls.read("virDomainSnapshotNum", (s, d) -> s.listNames(d, flags)).size();
    }

    List<String> listNames(int flags) throws VirtException {
        return List.copyOf(calls.read("virDomainSnapshotListNames", (s, d) -> s.listNames(d, flags)));
    }

    DomainSnapshot lookupByName(String name, int flags) throws VirtException {
        String fn = "virDomainSnapshotLookupByName";
        SnapshotCalls.notNull(name, "name", fn);
        return handle(calls.read(fn, (s, d) -> s.lookupByName(d, name, flags)));
    }

    /** {@code virGetDomainSnapshot}: a handle by name, no driver call (the calls on it check the name). */
    DomainSnapshot handleOf(String name) throws VirtException {
        SnapshotCalls.notNull(name, "name", "virDomainSnapshotLookupByName");
        return handle(name);
    }

    boolean hasCurrent(int flags) throws VirtException {
        return calls.read("virDomainHasCurrentSnapshot", (s, d) -> s.hasCurrent(d, flags));
    }

    DomainSnapshot current(int flags) throws VirtException {
        return handle(calls.read("virDomainSnapshotCurrent", (s, d) -> s.current(d, flags)));
    }

    void revert(DomainSnapshot snapshot, int flags) throws VirtException {
        String fn = "virDomainRevertToSnapshot";
        SnapshotCalls.notNull(snapshot, "snapshot", fn);
        if (!(snapshot instanceof SnapshotFacade s) || !s.domain().equals(domain)) {
            throw Checks.invalidArg("snapshot in " + fn + " must belong to domain " + domain.name(),
                    ErrorDomain.DOMAIN_SNAPSHOT);
        }
        snapshot.revert(flags);
    }

    private DomainSnapshot handle(String name) {
        return new SnapshotFacade(domain, calls, name);
    }
}
