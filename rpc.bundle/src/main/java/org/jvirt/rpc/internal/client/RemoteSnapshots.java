package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The remote daemon's snapshots: one RPC a call, a snapshot sent as libvirt's
 * {@code remote_nonnull_domain_snapshot} (name, domain). Lists use the counted procedures
 * ({@code SNAPSHOT_NUM} then {@code SNAPSHOT_LIST_NAMES}), which every libvirt driver with
 * snapshots serves (libvirt's ESX driver has no {@code virDomainListAllSnapshots}).
 */
final class RemoteSnapshots implements DomainSnapshotDriver {
    private final RemoteCalls rpc;

    RemoteSnapshots(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    private static XdrWriter snap(DomainRef dom, String name) {
        XdrWriter w = new XdrWriter().writeString(name);
        new WireDomain(dom.name(), dom.uuid(), dom.id()).write(w);
        return w;
    }

    /** The name of a returned {@code remote_nonnull_domain_snapshot} (its domain is the caller's). */
    private String snapshotName(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return rpc.decode(() -> {
            String name = r.readString();
            WireDomain.read(r);
            return name;
        });
    }

    private List<String> names(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.DOMAIN_SNAPSHOT_LIST_MAX, 4, "names");
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(r.readString());
            }
            return out;
        });
    }

    @Override
    public String createXml(DomainRef dom, String xml, int flags) throws VirtException {
        return snapshotName(RemoteProc.DOMAIN_SNAPSHOT_CREATE_XML, RemoteCalls.dom(dom).writeString(xml).writeInt(flags));
    }

    @Override
    public List<String> listNames(DomainRef dom, int flags) throws VirtException {
        int n = rpc.integer(RemoteProc.DOMAIN_SNAPSHOT_NUM, RemoteCalls.dom(dom).writeInt(flags));
        if (n <= 0) {
            return List.of();
        }
        return names(RemoteProc.DOMAIN_SNAPSHOT_LIST_NAMES, RemoteCalls.dom(dom).writeInt(n).writeInt(flags));
    }

    @Override
    public List<String> listChildrenNames(DomainRef dom, String snapshot, int flags) throws VirtException {
        int n = rpc.integer(RemoteProc.DOMAIN_SNAPSHOT_NUM_CHILDREN, snap(dom, snapshot).writeInt(flags));
        if (n <= 0) {
            return List.of();
        }
        return names(RemoteProc.DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES, snap(dom, snapshot).writeInt(n).writeInt(flags));
    }

    @Override
    public String lookupByName(DomainRef dom, String snapshot, int flags) throws VirtException {
        return snapshotName(RemoteProc.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME,
                RemoteCalls.dom(dom).writeString(snapshot).writeInt(flags));
    }

    @Override
    public boolean hasCurrent(DomainRef dom, int flags) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_HAS_CURRENT_SNAPSHOT, RemoteCalls.dom(dom).writeInt(flags)) != 0;
    }

    @Override
    public String current(DomainRef dom, int flags) throws VirtException {
        return snapshotName(RemoteProc.DOMAIN_SNAPSHOT_CURRENT, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public String xmlDesc(DomainRef dom, String snapshot, int flags) throws VirtException {
        return rpc.string(RemoteProc.DOMAIN_SNAPSHOT_GET_XML_DESC, snap(dom, snapshot).writeInt(flags));
    }

    @Override
    public String parent(DomainRef dom, String snapshot, int flags) throws VirtException {
        return snapshotName(RemoteProc.DOMAIN_SNAPSHOT_GET_PARENT, snap(dom, snapshot).writeInt(flags));
    }

    @Override
    public boolean isCurrent(DomainRef dom, String snapshot, int flags) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_SNAPSHOT_IS_CURRENT, snap(dom, snapshot).writeInt(flags)) != 0;
    }

    @Override
    public boolean hasMetadata(DomainRef dom, String snapshot, int flags) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_SNAPSHOT_HAS_METADATA, snap(dom, snapshot).writeInt(flags)) != 0;
    }

    @Override
    public void revert(DomainRef dom, String snapshot, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_REVERT_TO_SNAPSHOT, snap(dom, snapshot).writeInt(flags));
    }

    @Override
    public void delete(DomainRef dom, String snapshot, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SNAPSHOT_DELETE, snap(dom, snapshot).writeInt(flags));
    }
}
