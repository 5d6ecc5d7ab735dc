package org.jvirt.driver.esx.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.w3c.dom.Element;

/**
 * One node of a VM's snapshot tree, vSphere's {@code VirtualMachineSnapshotTree}: the snapshot's
 * managed object, name, description, creation time (seconds since the epoch), the VM's power state
 * when it was taken, and its children in the server's order.
 */
record SnapshotTree(MoRef snapshot, String name, String description, long createTime, String state,
                    List<SnapshotTree> children) {

    /** The items of an {@code ArrayOfVirtualMachineSnapshotTree} (or of a {@code childSnapshotList}). */
    static List<SnapshotTree> listOf(List<Element> items) throws VirtException {
        List<SnapshotTree> out = new ArrayList<>(items.size());
        for (Element item : items) {
            out.add(of(item));
        }
        return out;
    }

    private static SnapshotTree of(Element tree) throws VirtException {
        Element ref = SoapXml.child(tree, "snapshot");
        String name = SoapXml.childText(tree, "name");
        if (ref == null || name == null) {
            throw ViErrors.internal("Missing 'snapshot' or 'name' of a VirtualMachineSnapshotTree");
        }
        String description = SoapXml.childText(tree, "description");
        return new SnapshotTree(new MoRef(ref.getAttribute("type"), ref.getTextContent().trim()), name,
                description, seconds(SoapXml.childText(tree, "createTime")), SoapXml.childText(tree, "state"),
                listOf(SoapXml.children(tree, "childSnapshotList")));
    }

    /** {@code esxVI_DateTime_ConvertToCalendarTime}: an {@code xsd:dateTime} as seconds since the epoch. */
    static long seconds(String dateTime) throws VirtException {
        if (dateTime == null) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(dateTime).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw ViErrors.invalidArg("xsd:dateTime '" + dateTime + "' has unexpected format");
        }
    }

    /** libvirt's {@code esxVI_VirtualMachinePowerState_ConvertToLibvirt}, for the snapshot XML's state. */
    DomainState domainState() {
        return switch (state == null ? "" : state) {
            case "poweredOn" -> DomainState.RUNNING;
            case "suspended" -> DomainState.PAUSED;
            case "poweredOff" -> DomainState.SHUTOFF;
            default -> DomainState.NOSTATE;
        };
    }

    /** A snapshot found in a tree, with its parent (null for a root). */
    record Found(SnapshotTree tree, SnapshotTree parent) {
    }

    /** {@code esxVI_GetSnapshotTreeByName}: depth first, in the server's order; null when absent. */
    static Found find(List<SnapshotTree> list, String name) {
        for (SnapshotTree candidate : list) {
            if (candidate.name.equals(name)) {
                return new Found(candidate, null);
            }
            Found inChildren = find(candidate.children, name);
            if (inChildren != null) {
                return new Found(inChildren.tree, inChildren.parent == null ? candidate : inChildren.parent);
            }
        }
        return null;
    }

    /** {@code esxVI_GetSnapshotTreeBySnapshot}: the node of a snapshot reference, or null. */
    static SnapshotTree bySnapshot(List<SnapshotTree> list, MoRef snapshot) {
        for (SnapshotTree candidate : list) {
            if (candidate.snapshot.equals(snapshot)) {
                return candidate;
            }
            SnapshotTree inChildren = bySnapshot(candidate.children, snapshot);
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

    /**
     * {@code esxVI_GetSnapshotTreeNames}: the names of {@code list} (with {@code recurse}, of all
     * their descendants too, each after its parent), only the leaves with {@code leaves}.
     */
    static List<String> names(List<SnapshotTree> list, boolean recurse, boolean leaves) {
        List<String> out = new ArrayList<>();
        collect(list, recurse, leaves, out);
        return out;
    }

    private static void collect(List<SnapshotTree> list, boolean recurse, boolean leaves, List<String> out) {
        for (SnapshotTree t : list) {
            if (!(leaves && !t.children.isEmpty())) {
                out.add(t.name);
            }
            if (recurse) {
                collect(t.children, true, leaves, out);
            }
        }
    }
}
