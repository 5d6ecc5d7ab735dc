package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * Root filesystems other than a folder, and block devices, with real containers: a raw ext4 image
 * as the root ({@code type='file'}, liblxc's loop device, gone after the container), a block
 * device mounted inside ({@code type='block'}), and libvirt's host-root container (no filesystem
 * with target {@code /}). Needs root, Debian's lxc and e2fsprogs.
 */
class FilesystemTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;
    private LxcTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mke2fs")) && Files.isExecutable(Path.of("/usr/sbin/losetup")),
                "needs e2fsprogs and util-linux");
        bed = new LxcTestBed(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    static String xml(String name, String script, String filesystems) {
        String all = script + "; echo ready > /out/ready; while :; do sleep 1; done";
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + all.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</initarg>\n  </os>\n  <devices>\n" + filesystems + "    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    static String mount(Path dir, String target) {
        return "    <filesystem type='mount'>\n      <source dir='" + dir + "'/>\n      <target dir='" + target + "'/>\n"
                + "    </filesystem>\n";
    }

    /** An ext4 image of {@code sizeMb} MiB holding the files of {@code from}. */
    private Path image(String name, Path from, int sizeMb) throws Exception {
        Path img = tmp.resolve(name);
        run("/usr/sbin/mke2fs", "-q", "-t", "ext4", "-d", from.toString(), "-F", img.toString(), sizeMb + "M");
        return img;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private DomainRef start(String xml, Path out) throws Exception {
        DomainRef ref = bed.conn.createXml(xml, 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        return ref;
    }

    @Test
    void aRawImageIsTheRootOnALoopDeviceFreedAfterTheContainer() throws Exception {
        Path tree = bed.rootfs("tree");
        Files.createDirectories(tree.resolve("out"));   // a read-only root cannot get mount points
        Path img = image("root.img", tree, 32);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String fs = "    <filesystem type='file' accessmode='passthrough'>\n      <driver type='loop' format='raw'/>\n"
                + "      <source file='" + img + "'/>\n      <target dir='/'/>\n      <readonly/>\n    </filesystem>\n"
                + mount(out, "/out");
        DomainRef ref = start(xml(LxcTestBed.RUN + "img", "grep ' / ' /proc/mounts > /out/root; "
                + "touch /new 2> /out/err; echo $? > /out/rc", fs), out);
        String root = LxcTestBed.read(out.resolve("root"));
        assertTrue(root.matches("/dev/loop\\d+ / ext4 ro[ ,].*"), root);
        assertEquals("1", LxcTestBed.read(out.resolve("rc")), "the read-only root refuses writes");
        assertTrue(LxcTestBed.read(out.resolve("err")).contains("Read-only file system"));
        String loop = root.split(" ")[0];
        assertTrue(run("/usr/sbin/losetup", "-j", img.toString()).startsWith(loop + ":"), "attached while it runs");
        bed.conn.destroy(ref, 0);
        LxcTestBed.await("the loop device to be freed", WAIT, () -> {
            try {
                return run("/usr/sbin/losetup", "-j", img.toString()).isEmpty();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A raw image mounted inside (not the root): a loop device with its ext4 while the container
     * runs, a new one after a reboot (the old one freed), none after destroy; read-only refuses writes.
     */
    @Test
    void aRawImageMountedInsideGetsALoopDeviceForEachBootFreedAfterIt() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("hello"), "from the image\n");
        Path img = image("data.img", data, 8);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String fs = mount(bed.rootfs("root"), "/") + mount(out, "/out")
                + "    <filesystem type='file'>\n      <driver type='loop' format='raw'/>\n      <source file='" + img
                + "'/>\n      <target dir='/srv/data'/>\n      <readonly/>\n    </filesystem>\n";
        String script = "n=$(cat /out/boots 2>/dev/null || echo 0); n=$((n+1)); echo $n > /out/boots; "
                + "trap 'reboot -f' HUP; cat /srv/data/hello > /out/hello$n; grep ' /srv/data ' /proc/mounts > /out/mount$n; "
                + "touch /srv/data/new 2> /out/err; echo $? > /out/rc";
        DomainRef ref = start(xml(LxcTestBed.RUN + "fimg", script, fs), out);
        assertEquals("from the image", LxcTestBed.read(out.resolve("hello1")));
        String mount = LxcTestBed.read(out.resolve("mount1"));
        assertTrue(mount.matches("/dev/loop\\d+ /srv/data ext4 ro[ ,].*"), mount);
        assertEquals("1", LxcTestBed.read(out.resolve("rc")), "read-only");
        String first = mount.split(" ")[0];
        assertTrue(run("/usr/sbin/losetup", "-j", img.toString()).startsWith(first + ":"), "attached while it runs");

        bed.conn.reboot(ref, ContainerPower.SIGNAL);
        LxcTestBed.await("the second boot", WAIT, () -> Files.exists(out.resolve("mount2")));
        assertEquals("from the image", LxcTestBed.read(out.resolve("hello2")));
        LxcTestBed.await("one loop device for the image", WAIT, () -> loops(img).lines().count() == 1);

        bed.conn.destroy(ref, 0);
        LxcTestBed.await("the loop device to be freed", WAIT, () -> loops(img).isEmpty());
    }

    private static String loops(Path img) {
        try {
            return run("/usr/sbin/losetup", "-j", img.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBlockDeviceIsMountedWithTheFilesystemFoundOnIt() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("hello"), "from the block device\n");
        Path img = image("data.img", data, 8);
        String dev = run("/usr/sbin/losetup", "--find", "--show", img.toString());
        try {
            Path out = Files.createDirectories(tmp.resolve("out"));
            String fs = mount(bed.rootfs("root"), "/") + mount(out, "/out")
                    + "    <filesystem type='block'>\n      <source dev='" + dev + "'/>\n      <target dir='/data'/>\n"
                    + "    </filesystem>\n";
            DomainRef ref = start(xml(LxcTestBed.RUN + "blk", "cat /data/hello > /out/hello; grep ' /data ' /proc/mounts > "
                    + "/out/mount; echo more > /data/written", fs), out);
            assertEquals("from the block device", LxcTestBed.read(out.resolve("hello")));
            assertTrue(LxcTestBed.read(out.resolve("mount")).startsWith(dev + " /data ext4 rw"),
                    LxcTestBed.read(out.resolve("mount")));
            bed.conn.destroy(ref, 0);
            assertTrue(run("/usr/sbin/debugfs", "-R", "cat /written", img.toString()).contains("more"),
                    "the write reached the device");
        } finally {
            run("/usr/sbin/losetup", "-d", dev);
        }
    }

    @Test
    void withoutARootFilesystemTheContainerSharesTheHostsRoot() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path marker = Files.writeString(tmp.resolve("marker"), "host file\n");
        String hostOut = out.toString();
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "hostroot", "cat " + marker + " > " + hostOut + "/seen; echo $$ > "
                + hostOut + "/pid; hostname > " + hostOut + "/hostname", "").replace("/out/ready", hostOut + "/ready"), 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        assertEquals("host file", LxcTestBed.read(out.resolve("seen")), "the host's files, written back to the host");
        assertEquals("1", LxcTestBed.read(out.resolve("pid")), "its own PID namespace and /proc");
        assertEquals(LxcTestBed.RUN + "hostroot", LxcTestBed.read(out.resolve("hostname")));
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<filesystem type='mount' accessmode='passthrough'>\n      <source dir='/'/>\n"
                + "      <target dir='/'/>\n    </filesystem>"), live);
        bed.conn.destroy(ref, 0);
    }

    @Test
    void imagesLibvirtCannotLoopAreRefused() throws Exception {
        Path root = bed.rootfs("root");
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.defineXml(xml(LxcTestBed.RUN + "qcow", "true",
                "    <filesystem type='file'>\n      <driver type='loop' format='qcow2'/>\n      <source file='"
                        + tmp.resolve("x.qcow2") + "'/>\n      <target dir='/'/>\n    </filesystem>\n"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: fs format qcow2 is not supported", e.getMessage());
        DomainRef noImage = bed.conn.defineXml(xml(LxcTestBed.RUN + "fmnt", "true", mount(root, "/")
                + "    <filesystem type='file'>\n      <source file='" + tmp.resolve("x.img") + "'/>\n"
                + "      <target dir='/mnt'/>\n    </filesystem>\n"), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(noImage, 0));
        assertEquals("internal error: guest failed to start: Failed to access '" + tmp.resolve("x.img")
                + "': No such file or directory", e.getMessage());
        DomainRef missing = bed.conn.defineXml(xml(LxcTestBed.RUN + "nodev", "true", mount(root, "/")
                + "    <filesystem type='block'>\n      <source dev='/dev/jvirt-no-such-dev'/>\n"
                + "      <target dir='/mnt'/>\n    </filesystem>\n"), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(missing, 0));
        assertEquals("internal error: guest failed to start: Failed to access '/dev/jvirt-no-such-dev': "
                + "No such file or directory", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("run").resolve(LxcTestBed.RUN + "nodev")));
        assertEquals(List.of(), bed.conn.listAllDomains(0).stream().filter(d -> d.id() > 0).toList());
    }
}
