package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * libvirt's cgroup layout with real containers: the init in {@code /machine/NAME.libvirt-lxc}, or in
 * the definition's {@code <resource><partition>} with libvirt's {@code .partition} suffixes; the
 * live XML names the partition; the group is gone after destroy.
 */
class CgroupPlacementTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The top partition, unique per run so that two runs on one host do not share or remove it. */
    private static final String PARTITION = "/" + LxcTestBed.RUN + "jvirttest/sub";
    private static final String TEST_PARTITION = LxcTestBed.RUN + "jvirttest.partition";

    @TempDir
    Path tmp;
    private LxcTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
            // the partition this test made (libvirt leaves partitions too)
            for (Path h : hierarchies()) {
                removeTree(h.resolve(TEST_PARTITION));
            }
        }
    }

    private static String xml(String name, Path root, Path out, String extra) {
        return IsolationTest.xml(name, root, out, "true", extra);
    }

    @Test
    void theInitIsInTheMachinePartitionByDefault() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "cg1", root, out, ""), 0);
        ContainerProcess proc = bed.process(ref);
        LxcTestBed.await("ready", WAIT, () -> Files.exists(out.resolve("ready")));
        String group = CgroupStats.groupOf(proc.initPid(), "memory").orElseThrow();
        assertEquals("/machine/" + LxcTestBed.RUN + "cg1.libvirt-lxc", group);
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<resource>\n    <partition>/machine</partition>\n  </resource>"), live);
        Path dir = CgroupLayout.detect().dir("memory", group);
        assertTrue(Files.isDirectory(dir));
        bed.conn.destroy(ref, 0);
        assertFalse(Files.exists(dir), "the container's group removed");
    }

    @Test
    void aPartitionGetsLibvirtsSuffixes() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "cg2", root, out,
                "  <resource>\n    <partition>" + PARTITION + "</partition>\n  </resource>\n"), 0);
        ContainerProcess proc = bed.process(ref);
        LxcTestBed.await("ready", WAIT, () -> Files.exists(out.resolve("ready")));
        assertEquals("/" + TEST_PARTITION + "/sub.partition/" + LxcTestBed.RUN + "cg2.libvirt-lxc",
                CgroupStats.groupOf(proc.initPid(), "memory").orElseThrow());
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<partition>" + PARTITION + "</partition>"));
        bed.conn.destroy(ref, 0);

        DomainRef bad = bed.conn.defineXml(xml(LxcTestBed.RUN + "cg3", root, out,
                "  <resource>\n    <partition>machine</partition>\n  </resource>\n"), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(bad, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: Resource partition 'machine' must start with '/'", e.getMessage());
    }

    @Test
    void namesThatCouldClashWithCgroupFilesAreEscaped() {
        List<String> controllers = List.of("cpu", "memory");
        assertEquals("_cpu.libvirt-lxc", CgroupPlacement.escape("cpu.libvirt-lxc", controllers));
        assertEquals("_.hidden", CgroupPlacement.escape(".hidden", controllers));
        assertEquals("_tasks", CgroupPlacement.escape("tasks", controllers));
        assertEquals("_cgroup.x", CgroupPlacement.escape("cgroup.x", controllers));
        assertEquals("web.libvirt-lxc", CgroupPlacement.escape("web.libvirt-lxc", controllers));
    }

    private static List<Path> hierarchies() throws IOException {
        Path cg = Path.of("/sys/fs/cgroup");
        try (Stream<Path> s = Files.list(cg)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    /** rmdir of a cgroup tree, deepest first (cgroup folders hold only kernel files). */
    private static void removeTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path d : s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(d);
            }
        }
    }
}
