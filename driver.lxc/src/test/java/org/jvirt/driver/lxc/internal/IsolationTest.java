package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * The isolation of real containers: a user namespace from {@code <idmap>} (root inside, the mapped
 * user on the host), and the init's capabilities as libvirt sets them for each
 * {@code <capabilities policy=>}. Needs root and Debian's lxc.
 */
class IsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long MAPPED_ROOT = 100000;

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
        }
    }

    /** A container whose init writes what it sees to {@code /out} and waits. */
    static String xml(String name, Path root, Path out, String script, String extra) {
        String all = script + "; echo ready > /out/ready; while :; do sleep 1; done";
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>131072</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + all.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</initarg>\n  </os>\n" + extra + "  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    private DomainRef start(String xml, Path out) throws Exception {
        DomainRef ref = bed.conn.createXml(xml, 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        return ref;
    }

    private void destroy(DomainRef ref) throws Exception {
        ContainerProcess proc = bed.process(ref);
        bed.conn.destroy(ref, 0);
        assertFalse(proc.monitorAlive(), "monitor gone");
    }

    @Test
    void idmapRunsTheInitAsRootOfAUserNamespaceMappedToTheTargetUser() throws Exception {
        // libvirt chowns nothing: the root belongs to the mapped root and its parents can be crossed
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        chown(root, MAPPED_ROOT);
        chown(out, MAPPED_ROOT);
        String idmap = "  <idmap>\n    <uid start='0' target='" + MAPPED_ROOT + "' count='65536'/>\n"
                + "    <gid start='0' target='" + MAPPED_ROOT + "' count='65536'/>\n  </idmap>\n";
        DomainRef ref = start(xml(LxcTestBed.RUN + "userns", root, out, "id -u > /out/uid; id -g > /out/gid; "
                + "cat /proc/self/uid_map > /out/uid_map; touch /out/mine; "
                + "if echo x > /sys/kernel/x 2>/dev/null; then echo yes > /out/syswrite; else echo no > /out/syswrite; fi",
                idmap), out);
        ContainerProcess proc = bed.process(ref);

        assertEquals("0", LxcTestBed.read(out.resolve("uid")), "root inside");
        assertEquals("0", LxcTestBed.read(out.resolve("gid")));
        assertEquals(List.of("0", Long.toString(MAPPED_ROOT), "65536"),
                List.of(LxcTestBed.read(out.resolve("uid_map")).split("\\s+")));
        String status = Files.readString(Path.of("/proc", Long.toString(proc.initPid()), "status"));
        assertTrue(status.contains("\nUid:\t" + MAPPED_ROOT + "\t" + MAPPED_ROOT + "\t"), "the init's uid on the host: "
                + status);
        assertTrue(status.contains("\nGid:\t" + MAPPED_ROOT + "\t" + MAPPED_ROOT + "\t"), status);
        assertEquals((int) MAPPED_ROOT, Files.getAttribute(out.resolve("mine"), "unix:uid"), "a file made inside");
        assertEquals("no", LxcTestBed.read(out.resolve("syswrite")), "/sys is read-only");
        destroy(ref);
    }

    @Test
    void anOverlappingIdmapIsRefusedAtStartAndLeavesNothing() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        String idmap = "  <idmap>\n    <uid start='0' target='100000' count='1000'/>\n"
                + "    <uid start='500' target='200000' count='10'/>\n"
                + "    <gid start='0' target='100000' count='1000'/>\n  </idmap>\n";
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "overlap", root, out, "true", idmap), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertEquals("unable write to the container's uid_map: ids 0-999 and 500-509 inside the container overlap: "
                + "Invalid argument", e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertFalse(Files.exists(tmp.resolve("run").resolve(LxcTestBed.RUN + "overlap")), "no run folder");
    }

    @Test
    void withoutCapabilitiesTheInitLosesLibvirtsDefaultDropList() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = start(xml(LxcTestBed.RUN + "caps1", root, out, "grep CapEff /proc/self/status > /out/cap; "
                + "mknod /tmp/null c 1 3 2> /out/mknod; echo $? > /out/mknodrc", ""), out);
        long eff = capEff(out);
        for (int dropped : new int[] {16, 25, 27, 30, 33}) { // sys_module, sys_time, mknod, audit_control, mac_admin
            assertEquals(0, eff & (1L << dropped), "capability " + dropped + " dropped: " + Long.toHexString(eff));
        }
        for (int kept : new int[] {0, 12, 21, 22}) { // chown, net_admin, sys_admin, sys_boot
            assertTrue((eff & (1L << kept)) != 0, "capability " + kept + " kept: " + Long.toHexString(eff));
        }
        assertTrue(!"0".equals(LxcTestBed.read(out.resolve("mknodrc"))), "mknod refused");
        assertTrue(LxcTestBed.read(out.resolve("mknod")).contains("Operation not permitted"),
                LxcTestBed.read(out.resolve("mknod")));
        destroy(ref);
    }

    @Test
    void policyAllowDropsOnlyWhatIsOffAndDenyKeepsOnlyWhatIsOn() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef allow = start(xml(LxcTestBed.RUN + "caps2", root, out, "grep CapEff /proc/self/status > /out/cap",
                "  <features>\n    <capabilities policy='allow'>\n      <chown state='off'/>\n"
                        + "    </capabilities>\n  </features>\n"), out);
        long eff = capEff(out);
        assertEquals(0, eff & 1L, "chown off: " + Long.toHexString(eff));
        assertTrue((eff & (1L << 16)) != 0 && (eff & (1L << 27)) != 0, "sys_module and mknod stay: "
                + Long.toHexString(eff));
        destroy(allow);

        Files.delete(out.resolve("ready"));
        DomainRef deny = start(xml(LxcTestBed.RUN + "caps3", root, out, "grep CapEff /proc/self/status > /out/cap",
                "  <features>\n    <capabilities policy='deny'>\n      <net_admin state='on'/>\n"
                        + "      <kill state='on'/>\n    </capabilities>\n  </features>\n"), out);
        assertEquals((1L << 12) | (1L << 5), capEff(out), "only net_admin and kill");
        destroy(deny);

        Files.delete(out.resolve("ready"));
        DomainRef none = start(xml(LxcTestBed.RUN + "caps4", root, out, "grep CapEff /proc/self/status > /out/cap",
                "  <features>\n    <capabilities policy='deny'/>\n  </features>\n"), out);
        assertEquals(0L, capEff(out), "nothing");
        destroy(none);
    }

    @Test
    void procMeminfoShowsTheContainersMemoryLimit() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lxcfs")), "needs Debian's lxcfs");
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef plain = start(xml(LxcTestBed.RUN + "mem1", root, out, "cat /proc/meminfo > /out/meminfo", ""), out);
        assertEquals(131072, memTotal(Files.readString(out.resolve("meminfo"))), "MemTotal is <memory>");
        assertTrue(memTotal(Files.readString(Path.of("/proc/meminfo"))) > 131072, "the host's is larger");
        destroy(plain);

        Files.delete(out.resolve("ready"));
        DomainRef hard = start(xml(LxcTestBed.RUN + "mem2", root, out, "cat /proc/meminfo > /out/meminfo",
                "  <memtune>\n    <hard_limit unit='KiB'>65536</hard_limit>\n  </memtune>\n"), out);
        assertEquals(65536, memTotal(Files.readString(out.resolve("meminfo"))), "MemTotal is the hard limit");
        destroy(hard);
    }

    private static long memTotal(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no MemTotal in " + meminfo);
    }

    private static long capEff(Path out) {
        String line = LxcTestBed.read(out.resolve("cap"));
        return Long.parseUnsignedLong(line.replace("CapEff:", "").strip(), 16);
    }

    private static void chown(Path tree, long uid) throws IOException {
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : all.toList()) {
                Files.setAttribute(p, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", (int) uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
