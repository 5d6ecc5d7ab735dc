package org.jvirt.driver.esx.internal;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.Flag;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.w3c.dom.Element;

/**
 * libvirt's ESX snapshots ({@code esxDomainSnapshot*}): the VM's snapshot tree read afresh for
 * every call from its {@code snapshot} property, and CreateSnapshot_Task, RevertToSnapshot_Task and
 * RemoveSnapshot_Task followed to their end. ESX keeps the snapshots itself, so there is no libvirt
 * metadata: lists with {@code METADATA} are empty, {@code hasMetadata} is false, deleting with
 * {@code METADATA_ONLY} only checks that the snapshot exists. Flags and messages are libvirt's.
 */
final class EsxSnapshots implements DomainSnapshotDriver {
    private static final String ROOTS = "snapshot.rootSnapshotList";
    private static final String CURRENT = "snapshot.currentSnapshot";
    private static final int LIST_FLAGS = Flag.mask(SnapshotListFlag.ROOTS, SnapshotListFlag.METADATA,
            SnapshotListFlag.LEAVES);

    private final VmInventory vms;
    private final VmTasks tasks;
    private final SnapshotXml xml;

    EsxSnapshots(VmInventory vms, VmTasks tasks, SnapshotXml xml) {
        this.vms = vms;
        this.tasks = tasks;
        this.xml = xml;
    }

    /** The VM's snapshots: its root trees, and the reference of its current snapshot (null for none). */
    private record Snapshots(Vm vm, List<SnapshotTree> roots, MoRef current) {
        SnapshotTree.Found require(String name) throws VirtException {
            SnapshotTree.Found found = SnapshotTree.find(roots, name);
            if (found == null) {
                throw ViErrors.of(ErrorCode.NO_DOMAIN_SNAPSHOT, "Could not find snapshot with name '" + name + "'");
            }
            return found;
        }

        /** {@code esxVI_LookupCurrentSnapshotTree} with a required item. */
        SnapshotTree requireCurrent() throws VirtException {
            if (current == null) {
                throw ViErrors.of(ErrorCode.NO_DOMAIN_SNAPSHOT, "Domain has no current snapshot");
            }
            SnapshotTree tree = SnapshotTree.bySnapshot(roots, current);
            if (tree == null) {
                throw ViErrors.internal("Could not find snapshot tree of snapshot '" + current.value() + "'");
            }
            return tree;
        }
    }

    /** The VM and its snapshot tree, in one round trip ({@link VmInventory#of(DomainRef, List)}). */
    private Snapshots read(DomainRef dom) throws VirtException {
        VmInventory.VmRead read = vms.of(dom, List.of(ROOTS, CURRENT));
        ObjectContent o = read.more();
        Element roots = o.element(ROOTS);
        List<SnapshotTree> trees = roots == null ? List.of() : SnapshotTree.listOf(SoapXml.children(roots, null));
        return new Snapshots(read.vm(), trees, o.moRef(CURRENT));
    }

    @Override
    public String createXml(DomainRef dom, String xmlDesc, int flags) throws VirtException {
        ViErrors.checkFlags(flags, Flag.mask(SnapshotCreateFlag.DISK_ONLY, SnapshotCreateFlag.QUIESCE,
                SnapshotCreateFlag.NO_METADATA, SnapshotCreateFlag.VALIDATE), "esxDomainSnapshotCreateXML");
        SnapshotXml.Request request = xml.parse(xmlDesc);
        Snapshots s = read(dom);
        tasks.prepare(s.vm()); // the snapshot auto_answer: a question the VM asks is answered first
        if (SnapshotTree.find(s.roots(), request.name()) != null) {
            throw ViErrors.of(ErrorCode.OPERATION_INVALID, "Snapshot '" + request.name() + "' already exists");
        }
        String params = SoapXml.element("name", request.name())
                + (request.description() == null ? "" : SoapXml.element("description", request.description()))
                + SoapXml.element("memory", Boolean.toString(!Flag.isSet(flags, SnapshotCreateFlag.DISK_ONLY)))
                + SoapXml.element("quiesce", Boolean.toString(Flag.isSet(flags, SnapshotCreateFlag.QUIESCE)));
        tasks.run("CreateSnapshot_Task", s.vm(), params, "create snapshot");
        return request.name();
    }

    @Override
    public List<String> listNames(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, LIST_FLAGS, "esxDomainSnapshotListNames");
        Snapshots s = read(dom);
        if (Flag.isSet(flags, SnapshotListFlag.METADATA)) {
            return List.of();
        }
        return SnapshotTree.names(s.roots(), !Flag.isSet(flags, SnapshotListFlag.ROOTS),
                Flag.isSet(flags, SnapshotListFlag.LEAVES));
    }

    @Override
    public List<String> listChildrenNames(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, Flag.mask(SnapshotListFlag.DESCENDANTS, SnapshotListFlag.METADATA,
                SnapshotListFlag.LEAVES), "esxDomainSnapshotListChildrenNames");
        SnapshotTree tree = read(dom).require(snapshot).tree();
        if (Flag.isSet(flags, SnapshotListFlag.METADATA)) {
            return List.of();
        }
        return SnapshotTree.names(tree.children(), Flag.isSet(flags, SnapshotListFlag.DESCENDANTS),
                Flag.isSet(flags, SnapshotListFlag.LEAVES));
    }

    @Override
    public String lookupByName(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainSnapshotLookupByName");
        return read(dom).require(snapshot).tree().name();
    }

    @Override
    public boolean hasCurrent(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainHasCurrentSnapshot");
        return read(dom).current() != null;
    }

    @Override
    public String current(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainSnapshotCurrent");
        return read(dom).requireCurrent().name();
    }

    @Override
    public String xmlDesc(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainSnapshotGetXMLDesc");
        Snapshots s = read(dom);
        SnapshotTree.Found found = s.require(snapshot);
        return SnapshotXml.format(s.vm().uuid(), found.tree(), found.parent());
    }

    @Override
    public String parent(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainSnapshotGetParent");
        SnapshotTree.Found found = read(dom).require(snapshot);
        if (found.parent() == null) {
            throw ViErrors.of(ErrorCode.NO_DOMAIN_SNAPSHOT, "snapshot '" + snapshot + "' does not have a parent");
        }
        return found.parent().name();
    }

    @Override
    public boolean isCurrent(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainSnapshotIsCurrent");
        Snapshots s = read(dom);
        s.require(snapshot);
        return s.requireCurrent().name().equals(snapshot);
    }

    @Override
    public boolean hasMetadata(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainSnapshotHasMetadata");
        read(dom).require(snapshot);
        return false;
    }

    @Override
    public void revert(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainRevertToSnapshot");
        Snapshots s = read(dom);
        SnapshotTree tree = s.require(snapshot).tree();
        tasks.run("RevertToSnapshot_Task", tree.snapshot(), s.vm(), "", "revert to snapshot '" + snapshot + "'");
    }

    @Override
    public void delete(DomainRef dom, String snapshot, int flags) throws VirtException {
        ViErrors.checkFlags(flags, Flag.mask(SnapshotDeleteFlag.CHILDREN, SnapshotDeleteFlag.METADATA_ONLY),
                "esxDomainSnapshotDelete");
        Snapshots s = read(dom);
        SnapshotTree tree = s.require(snapshot).tree();
        if (Flag.isSet(flags, SnapshotDeleteFlag.METADATA_ONLY)) {
            return; // ESX keeps no libvirt metadata: nothing to remove once the snapshot is known to exist
        }
        String params = SoapXml.element("removeChildren",
                Boolean.toString(Flag.isSet(flags, SnapshotDeleteFlag.CHILDREN)));
        tasks.run("RemoveSnapshot_Task", tree.snapshot(), s.vm(), params, "delete snapshot '" + snapshot + "'");
    }
}
