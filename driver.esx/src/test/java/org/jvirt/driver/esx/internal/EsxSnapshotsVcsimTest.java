package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.api.spi.DriverConnection;

/**
 * Snapshots against VMware's simulator: a tree built with CreateSnapshot_Task (each new snapshot a
 * child of the current one, as on ESX), listed, described, reverted to and removed, with libvirt's
 * ESX driver's flags and messages. Each test uses its own VM.
 */
class EsxSnapshotsVcsimTest {
    @TempDir
    static Path dir;
    private static Vcsim sim;
    private static DriverConnection conn;
    private static DomainSnapshotDriver snaps;

    @BeforeAll
    static void start() throws Exception {
        sim = Vcsim.start(3);
        conn = EsxTestSupport.open(EsxTestSupport.credentialsFile(dir),
                EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
        snaps = conn.ownSnapshots().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static DomainRef vm(int n) throws VirtException {
        return conn.lookupByName("ha-host_VM" + n);
    }

    private static String xml(String name, String description) {
        return "<domainsnapshot><name>" + name + "</name>"
                + (description == null ? "" : "<description>" + description + "</description>") + "</domainsnapshot>";
    }

    private static void fails(ErrorCode code, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aTreeIsBuiltListedDescribedRevertedAndRemoved() throws Exception {
        DomainRef dom = vm(0);
        assertEquals(List.of(), snaps.listNames(dom, 0));
        assertFalse(snaps.hasCurrent(dom, 0));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, "Domain snapshot not found: Domain has no current snapshot",
                () -> snaps.current(dom, 0));

        assertEquals("s1", snaps.createXml(dom, xml("s1", "first &amp; best"), 0));
        assertEquals("s2", snaps.createXml(dom, xml("s2", null), SnapshotCreateFlag.DISK_ONLY.bit()));
        assertEquals(List.of("s1", "s2"), snaps.listNames(dom, 0));
        assertEquals(List.of("s1"), snaps.listNames(dom, SnapshotListFlag.ROOTS.bit()));
        assertEquals(List.of("s2"), snaps.listNames(dom, SnapshotListFlag.LEAVES.bit()));
        assertEquals(List.of(), snaps.listNames(dom, SnapshotListFlag.METADATA.bit()));
        assertEquals("s2", snaps.current(dom, 0));
        assertTrue(snaps.isCurrent(dom, "s2", 0));
        assertFalse(snaps.isCurrent(dom, "s1", 0));
        assertFalse(snaps.hasMetadata(dom, "s1", 0));
        assertEquals("s1", snaps.parent(dom, "s2", 0));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, "Domain snapshot not found: snapshot 's1' does not have a parent",
                () -> snaps.parent(dom, "s1", 0));
        assertEquals(List.of("s2"), snaps.listChildrenNames(dom, "s1", 0));

        String s2 = snaps.xmlDesc(dom, "s2", 0);
        assertTrue(s2.startsWith("<domainsnapshot>\n  <name>s2</name>\n  <description></description>\n"
                + "  <state>running</state>\n"
                + "  <parent>\n    <name>s1</name>\n  </parent>\n  <creationTime>"), s2);
        assertTrue(s2.endsWith("</creationTime>\n  <domain>\n    <uuid>" + dom.uuid() + "</uuid>\n  </domain>\n"
                + "</domainsnapshot>\n"), s2);
        String s1 = snaps.xmlDesc(dom, "s1", 0);
        assertTrue(s1.contains("<description>first &amp; best</description>"), s1);
        assertFalse(s1.contains("<parent>"), s1);

        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: Snapshot 's1' already exists",
                () -> snaps.createXml(dom, xml("s1", null), 0));

        snaps.revert(dom, "s1", 0);
        assertEquals("s1", snaps.current(dom, 0));
        snaps.createXml(dom, xml("s3", null), 0);
        assertEquals(List.of("s2", "s3"), snaps.listChildrenNames(dom, "s1", 0));
        assertEquals(List.of("s1", "s2", "s3"), snaps.listNames(dom, 0));

        snaps.delete(dom, "s2", SnapshotDeleteFlag.METADATA_ONLY.bit());
        assertEquals(List.of("s1", "s2", "s3"), snaps.listNames(dom, 0), "metadata only leaves ESX's snapshot");
        snaps.delete(dom, "s2", 0);
        assertEquals(List.of("s1", "s3"), snaps.listNames(dom, 0));
        snaps.delete(dom, "s1", SnapshotDeleteFlag.CHILDREN.bit());
        assertEquals(List.of(), snaps.listNames(dom, 0));
        assertFalse(snaps.hasCurrent(dom, 0));
    }

    @Test
    void unknownSnapshotsFlagsAndDiskSnapshotsAreLibvirtsErrors() throws Exception {
        DomainRef dom = vm(1);
        String missing = "Domain snapshot not found: Could not find snapshot with name 'nope'";
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, missing, () -> snaps.lookupByName(dom, "nope", 0));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, missing, () -> snaps.xmlDesc(dom, "nope", 0));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, missing, () -> snaps.revert(dom, "nope", 0));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, missing, () -> snaps.delete(dom, "nope", 0));
        fails(ErrorCode.INVALID_ARG, "invalid argument: unsupported flags (0x8) in function esxDomainSnapshotCreateXML",
                () -> snaps.createXml(dom, xml("h", null), SnapshotCreateFlag.HALT.bit()));
        fails(ErrorCode.INVALID_ARG, "invalid argument: unsupported flags (0x4) in function esxDomainSnapshotDelete",
                () -> snaps.delete(dom, "nope", SnapshotDeleteFlag.CHILDREN_ONLY.bit()));
        fails(ErrorCode.INVALID_ARG, "invalid argument: unsupported flags (0x1) in function esxDomainRevertToSnapshot",
                () -> snaps.revert(dom, "nope", 1));
        VirtException disks = assertThrows(VirtException.class, () -> snaps.createXml(dom,
                "<domainsnapshot><name>d</name><disks><disk name='sda'/></disks></domainsnapshot>", 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, disks.code());
        assertEquals(ErrorDomain.ESX, disks.domain());
        assertEquals("unsupported configuration: disk snapshots not supported yet", disks.getMessage());
        fails(ErrorCode.XML_ERROR, "XML error: expecting root element of 'domainsnapshot', not 'domain'",
                () -> snaps.createXml(dom, "<domain/>", 0));
        assertEquals(List.of(), snaps.listNames(dom, 0), "nothing was created");
        // no name: libvirt names the snapshot after the time in seconds
        String named = snaps.createXml(dom, "<domainsnapshot/>", 0);
        assertTrue(named.matches("\\d{10,}"), named);
        snaps.delete(dom, named, 0);
    }
}
