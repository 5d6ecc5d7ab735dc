package org.jvirt.driver.esx.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.api.spi.DriverConnection;

/**
 * The snapshot cases of the differential test: a tree made through jvirt and a snapshot made
 * through libvirt ({@code snapshot-create-as}), then {@code snapshot-list --name} (all, roots,
 * leaves), {@code snapshot-current}, {@code snapshot-parent}, {@code snapshot-dumpxml} of each
 * (compared exactly) and of an unknown name (by message), and {@code snapshot-delete} through
 * libvirt seen by jvirt. libvirt's ESX driver has no {@code virDomainListAllSnapshots}: its virsh
 * falls back to {@code virDomainSnapshotListNames} and sorts the names, so the lists are compared sorted.
 */
final class EsxSnapshotDifferential {
    private static final String VM = "ha-host_VM1";

    private final LibvirtVirsh virsh;
    private final DriverConnection jvirt;

    EsxSnapshotDifferential(LibvirtVirsh virsh, DriverConnection jvirt) {
        this.virsh = virsh;
        this.jvirt = jvirt;
    }

    void run(Map<String, String> cases) throws Exception {
        DomainSnapshotDriver snaps = jvirt.ownSnapshots().orElseThrow();
        DomainRef dom = jvirt.lookupByName(VM);
        snaps.createXml(dom, "<domainsnapshot><name>j1</name><description>made by jvirt</description>"
                + "</domainsnapshot>", 0);
        snaps.createXml(dom, "<domainsnapshot><name>j2</name></domainsnapshot>", 0);
        // plain text: libvirt 9.0 does not escape the description in its SOAP request ('<' makes the
        // server fail with "XML syntax error"), jvirt does (EsxSnapshotsVcsimTest)
        virsh.run("snapshot-create-as", VM, "l1", "made by libvirt");
        cases.put("snapshot-list --name", sameNames(virsh.run("snapshot-list", "--name", VM),
                snaps.listNames(dom, 0)));
        cases.put("snapshot-list --name --roots", sameNames(virsh.run("snapshot-list", "--name", "--roots", VM),
                snaps.listNames(dom, SnapshotListFlag.ROOTS.bit())));
        cases.put("snapshot-list --name --leaves", sameNames(virsh.run("snapshot-list", "--name", "--leaves", VM),
                snaps.listNames(dom, SnapshotListFlag.LEAVES.bit())));
        cases.put("snapshot-current --name", same(virsh.run("snapshot-current", "--name", VM).trim(),
                snaps.current(dom, 0)));
        cases.put("snapshot-parent l1", same(virsh.run("snapshot-parent", VM, "l1").trim(),
                snaps.parent(dom, "l1", 0)));
        for (String name : List.of("j1", "j2", "l1")) {
            cases.put("snapshot-dumpxml " + name, same(virsh.run("snapshot-dumpxml", VM, name).stripTrailing(),
                    snaps.xmlDesc(dom, name, 0).stripTrailing()));
        }
        cases.put("snapshot-dumpxml unknown (error)", sameError(() -> virsh.run("snapshot-dumpxml", VM, "nope"),
                () -> snaps.xmlDesc(dom, "nope", 0)));
        virsh.run("snapshot-delete", VM, "--children", "j1");
        cases.put("snapshot-delete --children (seen by jvirt)", same("[]", snaps.listNames(dom, 0).toString()));
    }

    private static String sameNames(String theirs, List<String> ours) {
        String[] a = theirs.lines().filter(l -> !l.isBlank()).map(String::trim).sorted().toArray(String[]::new);
        String[] b = ours.stream().sorted().toArray(String[]::new);
        return Arrays.equals(a, b) ? null : "libvirt " + Arrays.toString(a) + ", jvirt " + Arrays.toString(b);
    }

    private static String same(String theirs, String ours) {
        return theirs.equals(ours) ? null : "libvirt:\n" + theirs + "\njvirt:\n" + ours;
    }

    interface Call {
        Object call() throws Exception;
    }

    /** Both fail, and libvirt's error line carries jvirt's message. */
    private static String sameError(Call theirs, Call ours) throws Exception {
        String libvirt;
        try {
            theirs.call();
            libvirt = null;
        } catch (AssertionError e) {
            libvirt = e.getMessage();
        }
        String own;
        try {
            ours.call();
            own = null;
        } catch (VirtException e) {
            own = e.getMessage();
        }
        if (libvirt == null || own == null) {
            return "libvirt " + libvirt + ", jvirt " + own;
        }
        return libvirt.contains(own) ? null : "libvirt " + libvirt + ", jvirt " + own;
    }
}
