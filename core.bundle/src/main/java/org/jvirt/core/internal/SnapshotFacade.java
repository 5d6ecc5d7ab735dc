package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotRevertFlag;
import org.jvirt.api.VirtException;

/**
 * The {@link DomainSnapshot} the core hands out: its domain's facade and the snapshot's name
 * (libvirt's {@code virDomainSnapshotPtr} holds no more). Every call goes through the domain's
 * {@link SnapshotCalls}, so it follows the domain across driver swaps.
 */
final class SnapshotFacade implements DomainSnapshot {
    private final DomainFacade domain;
    private final SnapshotCalls calls;
    private final String name;

    SnapshotFacade(DomainFacade domain, SnapshotCalls calls, String name) {
        this.domain = domain;
        this.calls = calls;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        return calls.read("virDomainSnapshotGetXMLDesc", (s, d) -> s.xmlDesc(d, name, flags));
    }

    @Override
    public void delete(int flags) throws VirtException {
        String fn = "virDomainSnapshotDelete";
        SnapshotCalls.exclusive(flags, SnapshotDeleteFlag.CHILDREN.bit(), "VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN",
                SnapshotDeleteFlag.CHILDREN_ONLY.bit(), "VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY");
        calls.write(fn, (s, d) -> {
            s.delete(d, name, flags);
            return null;
        });
    }

    @Override
    public void revert(int flags) throws VirtException {
        String fn = "virDomainRevertToSnapshot";
        SnapshotCalls.exclusive(flags, SnapshotRevertFlag.RUNNING.bit(), "VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING",
                SnapshotRevertFlag.PAUSED.bit(), "VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED");
        calls.write(fn, (s, d) -> {
            s.revert(d, name, flags);
            return null;
        });
    }

    @Override
    public DomainSnapshot parent(int flags) throws VirtException {
        String parent = calls.read("virDomainSnapshotGetParent", (s, d) -> s.parent(d, name, flags));
        return new SnapshotFacade(domain, calls, parent);
    }

    @Override
    public boolean isCurrent(int flags) throws VirtException {
        return calls.read("virDomainSnapshotIsCurrent", (s, d) -> s.isCurrent(d, name, flags));
    }

    @Override
    public boolean hasMetadata(int flags) throws VirtException {
        return calls.read("virDomainSnapshotHasMetadata", (s, d) -> s.hasMetadata(d, name, flags));
    }

    @Override
    public List<DomainSnapshot> listAllChildren(int flags) throws VirtException {
        List<String> names = calls.read("virDomainSnapshotListAllChildren",
                (s, d) -> s.listChildrenNames(d, name, flags));
        List<DomainSnapshot> out = new ArrayList<>(names.size());
        for (String child : names) {
            out.add(new SnapshotFacade(domain, calls, child));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotFacade s && s.domain.equals(domain) && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return domain.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "DomainSnapshot[" + domain.name() + "/" + name + "]";
    }
}
