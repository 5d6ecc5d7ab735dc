package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;
import static org.jvirt.rpc.internal.dispatch.Wire.handle;
import static org.jvirt.rpc.internal.dispatch.Wire.writeDomain;

import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Domain snapshots ({@code virDomainSnapshot*}): a {@code remote_nonnull_domain_snapshot} is a name
 * and a domain; the server finds the domain by UUID and makes a handle on the snapshot by its name
 * (not looked up, as libvirtd), then calls it.
 * Read-only refusals are in libvirt's snapshot error domain, as libvirt-domain-snapshot.c's.
 */
final class SnapshotProcedures {
    private static final ErrorDomain SNAP = ErrorDomain.DOMAIN_SNAPSHOT;

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_SNAPSHOT_CREATE_XML, "virDomainSnapshotCreateXML", WRITE, SNAP, (c, a, r) -> {
            Domain d = domain(c, a);
            String xml = a.readString();
            writeSnapshot(r, d.snapshotCreateXml(xml, a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_SNAPSHOT_GET_XML_DESC, "virDomainSnapshotGetXMLDesc", READ, SNAP,
                (c, a, r) -> r.writeString(snapshot(c, a).xmlDesc(a.readInt())));
        t.add(RemoteProc.DOMAIN_SNAPSHOT_NUM, "virDomainSnapshotNum", READ, SNAP, (c, a, r) -> {
            Domain d = domain(c, a);
            r.writeInt(d.snapshotNum(a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_SNAPSHOT_LIST_NAMES, "virDomainSnapshotListNames", READ, SNAP, (c, a, r) -> {
            WireDomain dom = WireDomain.read(a);
            int max = maxNames(a); // libvirtd checks its arguments before it looks anything up
            int flags = a.readInt();
            writeNames(r, handle(c, dom).snapshotListNames(flags), max);
        });
        t.add(RemoteProc.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, "virDomainSnapshotLookupByName", READ, SNAP, (c, a, r) -> {
            Domain d = domain(c, a);
            String name = a.readString();
            writeSnapshot(r, d.snapshotLookupByName(name, a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_HAS_CURRENT_SNAPSHOT, "virDomainHasCurrentSnapshot", READ, SNAP, (c, a, r) -> {
            Domain d = domain(c, a);
            r.writeInt(d.hasCurrentSnapshot(a.readInt()) ? 1 : 0);
        });
        t.add(RemoteProc.DOMAIN_SNAPSHOT_CURRENT, "virDomainSnapshotCurrent", READ, SNAP, (c, a, r) -> {
            Domain d = domain(c, a);
            writeSnapshot(r, d.snapshotCurrent(a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_REVERT_TO_SNAPSHOT, "virDomainRevertToSnapshot", WRITE, SNAP,
                (c, a, r) -> snapshot(c, a).revert(a.readInt()));
        t.add(RemoteProc.DOMAIN_SNAPSHOT_DELETE, "virDomainSnapshotDelete", WRITE, SNAP,
                (c, a, r) -> snapshot(c, a).delete(a.readInt()));
        t.add(RemoteProc.DOMAIN_SNAPSHOT_GET_PARENT, "virDomainSnapshotGetParent", READ, SNAP,
                (c, a, r) -> writeSnapshot(r, snapshot(c, a).parent(a.readInt())));
        t.add(RemoteProc.DOMAIN_SNAPSHOT_NUM_CHILDREN, "virDomainSnapshotNumChildren", READ, SNAP,
                (c, a, r) -> r.writeInt(snapshot(c, a).listAllChildren(a.readInt()).size()));
        t.add(RemoteProc.DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES, "virDomainSnapshotListChildrenNames", READ, SNAP,
                (c, a, r) -> {
                    String name = a.readString();
                    WireDomain dom = WireDomain.read(a);
                    int max = maxNames(a);
                    int flags = a.readInt();
                    DomainSnapshot s = handle(c, dom).snapshotHandle(name);
                    writeNames(r, s.listAllChildren(flags).stream().map(DomainSnapshot::name).toList(), max);
                });
        t.add(RemoteProc.DOMAIN_SNAPSHOT_IS_CURRENT, "virDomainSnapshotIsCurrent", READ, SNAP,
                (c, a, r) -> r.writeInt(snapshot(c, a).isCurrent(a.readInt()) ? 1 : 0));
        t.add(RemoteProc.DOMAIN_SNAPSHOT_HAS_METADATA, "virDomainSnapshotHasMetadata", READ, SNAP,
                (c, a, r) -> r.writeInt(snapshot(c, a).hasMetadata(a.readInt()) ? 1 : 0));
        t.add(RemoteProc.DOMAIN_LIST_ALL_SNAPSHOTS, "virDomainListAllSnapshots", READ, SNAP, (c, a, r) -> {
            Domain d = domain(c, a);
            boolean needResults = a.readInt() != 0;
            writeSnapshots(r, d.listAllSnapshots(a.readInt()), needResults);
        });
        t.add(RemoteProc.DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN, "virDomainSnapshotListAllChildren", READ, SNAP,
                (c, a, r) -> {
                    DomainSnapshot s = snapshot(c, a);
                    boolean needResults = a.readInt() != 0;
                    writeSnapshots(r, s.listAllChildren(a.readInt()), needResults);
                });
    }

    /**
     * Reads a {@code remote_nonnull_domain_snapshot}: its name, then its domain. The snapshot is not
     * looked up (libvirtd's {@code get_nonnull_domain_snapshot} neither): the call made on it tells
     * when there is no such snapshot, so the driver reads the domain's snapshots once per call.
     */
    private static DomainSnapshot snapshot(ClientContext c, XdrReader a) throws XdrException, VirtException {
        String name = a.readString();
        return domain(c, a).snapshotHandle(name);
    }

    private static void writeSnapshot(XdrWriter r, DomainSnapshot s) throws VirtException {
        r.writeString(s.name());
        writeDomain(r, s.domain());
    }

    /**
     * {@code maxnames}, refused above REMOTE_DOMAIN_SNAPSHOT_LIST_MAX as libvirtd's generated
     * dispatcher does; libvirtd refuses a negative one with an RPC error too.
     */
    private static int maxNames(XdrReader a) throws XdrException, VirtException {
        int max = a.readInt();
        if (max < 0 || max > RemoteProc.DOMAIN_SNAPSHOT_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxnames > REMOTE_DOMAIN_SNAPSHOT_LIST_MAX");
        }
        return max;
    }

    private static void writeNames(XdrWriter r, List<String> names, int max) {
        int n = Math.min(max, names.size());
        r.writeInt(n);
        for (int i = 0; i < n; i++) {
            r.writeString(names.get(i));
        }
    }

    private static void writeSnapshots(XdrWriter r, List<DomainSnapshot> all, boolean needResults)
            throws VirtException {
        if (all.size() > RemoteProc.DOMAIN_SNAPSHOT_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "too many domain snapshots '" + all.size()
                    + "' for limit '" + RemoteProc.DOMAIN_SNAPSHOT_LIST_MAX + "'");
        }
        r.writeInt(needResults ? all.size() : 0);
        for (int i = 0; needResults && i < all.size(); i++) {
            writeSnapshot(r, all.get(i));
        }
        r.writeInt(all.size());
    }
}
