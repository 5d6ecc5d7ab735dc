package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * libvirt's DAC security driver with real QEMU guests, as root with the default user
 * ({@code libvirt-qemu}, group {@code kvm}; {@code .ci/run} creates the user): the emulator's
 * uid and gid, the files given to it while it runs and given back when it stops, the seclabel in
 * the live XML, and the answers of virNodeGetSecurityModel / virDomainGetSecurityLabel. On a host
 * without that user the guests run as Debian's number for it, {@code +64055} (qemu.conf accepts
 * {@code +UID}), which has no name and so no supplementary groups.
 */
class QemuDacTest {
    /** Debian's uid of libvirt-qemu, used by number when the host has no such user. */
    private static final String NUMERIC_USER = "+64055";

    private String user;
    private String group;
    private boolean named;
    private Path dir;
    private TestBed bed;
    private long uid;
    private long gid;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        assumeTrue(HostDirectories.isRoot(), "the DAC driver works for a daemon run as root");
        Optional<long[]> ids = ids("libvirt-qemu");
        named = ids.isPresent();
        user = named ? "libvirt-qemu" : NUMERIC_USER;
        uid = named ? ids.get()[0] : Long.parseLong(NUMERIC_USER.substring(1));
        Optional<Long> kvm = groupId("kvm");
        group = kvm.isPresent() ? "kvm" : "+107";
        gid = kvm.orElse(107L);
        // the guest's user must reach its files: a folder others may enter, as /var/lib/libvirt is
        dir = Files.createTempDirectory("jdac");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        bed = new TestBed(dir, StartObserver.NONE, user, group);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aGuestRunsAsTheConfiguredUserOnFilesGivenToItAndGivenBackWhenItStops() throws Exception {
        Path disk = image("disk.img", 1234, 1234);
        Path shared = image("shared.img", 0, 0);
        Optional<Path> kernel = kernel();
        Path serial = dir.resolve("serial.log");
        UUID u1 = UUID.randomUUID();
        String os = kernel.map(k -> "<kernel>" + k + "</kernel><cmdline>console=ttyS0 panic=-1</cmdline>").orElse("");
        DomainRef g1 = bed.conn.defineXml(xml("dac1", u1, os, disk(disk, "vda", false) + disk(shared, "vdb", true)
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"), 0);
        bed.conn.create(g1, 0);
        long pid = bed.pid(g1);

        assertEquals(List.of(uid, uid, uid, uid), statusIds(pid, "Uid:"));
        assertEquals(List.of(gid, gid, gid, gid), statusIds(pid, "Gid:"));
        // setpriv --init-groups for a named user, --clear-groups for a bare number (libvirt's virGetGroupList)
        assertEquals(named, statusIds(pid, "Groups:").contains(gid), "supplementary groups of " + user);
        if (!named) {
            assertEquals(List.of(), statusIds(pid, "Groups:"));
        }
        QemuDomainObj obj = bed.driver.hosts().get(0).byUuid(u1);
        assertEquals("running", obj.qmp().execute("query-status", null).path("status").asText());
        String label = "+" + uid + ":+" + gid;
        for (Path p : new Path[] {disk, shared, serial, obj.monitorPath(), obj.monitorPath().getParent(), obj.logPath()}) {
            assertEquals(label, owner(p), p.toString());
        }
        if (kernel.isPresent()) {
            assertEquals(label, owner(kernel.get()));
        }
        assertEquals(label, owner(dir.resolve("run/system").resolve(u1 + ".pid")));

        String live = bed.conn.xmlDesc(g1, 0);
        assertTrue(live.contains("  <seclabel type='dynamic' model='dac' relabel='yes'>\n    <label>" + label
                + "</label>\n    <imagelabel>" + label + "</imagelabel>\n  </seclabel>\n</domain>"), live);
        assertFalse(bed.conn.xmlDesc(g1, XmlFlag.INACTIVE.bit()).contains("seclabel"));
        assertEquals(new SecurityModel("dac", "0"), bed.conn.securityModel());
        assertEquals(new SecurityLabel(label, false), bed.conn.securityLabel(g1));
        assertEquals(List.of(new SecurityLabel(label, false)), bed.conn.securityLabels(g1));
        assertTrue(bed.conn.capabilities().contains("    <secmodel>\n      <model>dac</model>\n      <doi>0</doi>\n"
                + "      <baselabel type='kvm'>" + label + "</baselabel>\n      <baselabel type='qemu'>" + label
                + "</baselabel>\n    </secmodel>\n"));

        // a second guest shares the read-only image; the first one's stop must not take it away
        UUID u2 = UUID.randomUUID();
        DomainRef g2 = bed.conn.createXml(xml("dac2", u2, "", disk(shared, "vda", true)), 0);
        bed.pid(g2);
        // the record survives a new driver instance, which restores the owners when the guests stop
        bed.newDriver();
        bed.conn.destroy(bed.conn.lookupByUuid(u1), 0);
        assertEquals("+1234:+1234", owner(disk));
        assertEquals("+0:+0", owner(serial));
        assertEquals(label, owner(shared), "still used by dac2");
        if (kernel.isPresent()) {
            assertEquals("+0:+0", owner(kernel.get()));
        }
        assertEquals("+0:+0", owner(obj.logPath()));
        assertEquals(new SecurityLabel("", false), bed.conn.securityLabel(bed.conn.lookupByUuid(u1)));
        bed.conn.destroy(bed.conn.lookupByUuid(u2), 0);
        assertEquals("+0:+0", owner(shared));
        assertFalse(Files.exists(dir.resolve("state/qemu-dac")) && Files.list(dir.resolve("state/qemu-dac"))
                .anyMatch(p -> !Files.isDirectory(p)), "no remembered owner left");
    }

    @Test
    void aStaticLabelWithoutRelabellingRunsQemuAsThatLabelAndLeavesImagesAlone() throws Exception {
        Path disk = image("static.img", 0, 0);
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rw-rw-rw-"));
        UUID u = UUID.randomUUID();
        DomainRef g = bed.conn.createXml(xml("dacs", u, "", disk(disk, "vda", false)).replace("</domain>",
                "<seclabel type='static' model='dac' relabel='no'><label>+65534:+" + gid + "</label></seclabel></domain>"), 0);
        long pid = bed.pid(g);
        assertEquals(List.of(65534L, 65534L, 65534L, 65534L), statusIds(pid, "Uid:"));
        assertEquals("+0:+0", owner(disk));
        String live = bed.conn.xmlDesc(g, 0);
        assertTrue(live.contains("  <seclabel type='static' model='dac' relabel='no'>\n    <label>+65534:+" + gid
                + "</label>\n  </seclabel>\n"), live);
        assertEquals(new SecurityLabel("+65534:+" + gid, false), bed.conn.securityLabel(g));
        bed.conn.destroy(g, 0);
    }

    @Test
    void labelTypeNoneRunsAsTheConfiguredUserWithoutLabel() throws Exception {
        UUID u = UUID.randomUUID();
        DomainRef g = bed.conn.createXml(xml("dacn", u, "", "").replace("</domain>",
                "<seclabel type='none' model='dac'/></domain>"), 0);
        long pid = bed.pid(g);
        assertEquals(List.of(uid, uid, uid, uid), statusIds(pid, "Uid:"));
        assertTrue(bed.conn.xmlDesc(g, 0).contains("  <seclabel type='none' model='dac'/>\n"));
        assertEquals(new SecurityLabel("", false), bed.conn.securityLabel(g));
        bed.conn.destroy(g, 0);
    }

    @Test
    void aStartThatCannotLabelGivesBackWhatItGaveAndLeavesNoRecord() throws Exception {
        Path disk = image("first.img", 1234, 1234);
        Path missing = dir.resolve("missing.img");
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.createXml(xml("dacf", UUID.randomUUID(), "",
                disk(disk, "vda", false) + disk(missing, "vdb", false)), 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertEquals("unable to stat: " + missing + ": No such file or directory", e.getMessage());
        assertEquals("+1234:+1234", owner(disk));
        assertFalse(Files.exists(dir.resolve("state/qemu-dac")) && Files.list(dir.resolve("state/qemu-dac"))
                .anyMatch(p -> !Files.isDirectory(p)), "no remembered owner left");
    }

    @Test
    void theBackingChainOfAQcow2ImageIsGivenToTheGuestAndGivenBack() throws Exception {
        Path base = image("base.raw", 0, 0);
        Path overlay = dir.resolve("overlay.qcow2");
        // a relative backing name, resolved from the overlay's folder as QEMU does
        Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b", "base.raw",
                overlay.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Files.setPosixFilePermissions(overlay, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(overlay, "unix:uid", 1234);
        Files.setAttribute(overlay, "unix:gid", 1234);
        UUID u = UUID.randomUUID();
        DomainRef g = bed.conn.createXml(xml("dacb", u, "", "<disk type='file' device='disk'>"
                + "<driver name='qemu' type='qcow2'/><source file='" + overlay + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"), 0);
        long pid = bed.pid(g);
        assertEquals(List.of(uid, uid, uid, uid), statusIds(pid, "Uid:"));
        QemuDomainObj obj = bed.driver.hosts().get(0).byUuid(u);
        // QEMU, unprivileged, opened both files: the backing one is in its block graph
        String block = obj.qmp().execute("query-block", null).toString();
        assertTrue(block.contains("base.raw"), block);
        String label = "+" + uid + ":+" + gid;
        assertEquals(label, owner(overlay));
        assertEquals(label, owner(base));
        bed.conn.destroy(g, 0);
        assertEquals("+1234:+1234", owner(overlay));
        assertEquals("+0:+0", owner(base));
    }

    @Test
    void anAutomaticChannelSocketIsMadeByTheGuestsUserInAFolderGivenToIt() throws Exception {
        UUID u = UUID.randomUUID();
        DomainRef g = bed.conn.createXml(xml("dacc", u, "",
                "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"), 0);
        bed.pid(g);
        QemuDomainObj obj = bed.driver.hosts().get(0).byUuid(u);
        String label = "+" + uid + ":+" + gid;
        // the automatic channel socket: in the guest's channel folder, which the driver made and gave it
        String path = null;
        for (var c : obj.qmp().execute("query-chardev", null)) {
            if (c.path("label").asText().equals("charchannel0")) {
                String f = c.path("filename").asText();
                // "disconnected:unix:PATH,server=on" while no agent is connected
                String rest = f.substring(f.indexOf("unix:") + "unix:".length());
                path = rest.contains(",") ? rest.substring(0, rest.indexOf(',')) : rest;
            }
        }
        assertTrue(path != null && path.startsWith(dir.resolve("run/system/channel/domain-").toString()), path);
        assertTrue(Files.exists(Path.of(path)), path);
        assertEquals(label, owner(Path.of(path)), path);
        assertEquals(label, owner(Path.of(path).getParent()));
        bed.conn.destroy(g, 0);
        assertFalse(Files.exists(Path.of(path).getParent()), "the channel folder goes with the guest");
    }

    /**
     * Managed save with QEMU as the unprivileged user: the emulator reaches the save socket it
     * is given, the image is the daemon's own (mode 0600, as libvirt's, which QEMU never opens),
     * the disk's owner is given back while the guest is saved and taken again by the restore.
     */
    @Test
    void aGuestOfTheUnprivilegedUserIsSavedIntoAnImageOfTheDaemon() throws Exception {
        Path disk = image("saved.img", 1234, 1234);
        UUID u = UUID.randomUUID();
        DomainRef g = bed.conn.defineXml(xml("dacsave", u, "", disk(disk, "vda", false)), 0);
        bed.conn.create(g, 0);
        long pid = bed.pid(g);
        String label = "+" + uid + ":+" + gid;
        assertEquals(label, owner(disk));
        bed.conn.ownManagedSave().orElseThrow().managedSave(g, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        Path image = dir.resolve("save/system/dacsave.save");
        assertEquals("+0:+0", owner(image));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(image)));
        assertEquals("+1234:+1234", owner(disk), "the disk's owner is given back while the guest is saved");
        bed.conn.create(g, 0);
        long restored = bed.pid(g);
        assertEquals(List.of(uid, uid, uid, uid), statusIds(restored, "Uid:"));
        assertEquals(StateReason.RUNNING_RESTORED, bed.conn.state(g).namedReason());
        assertEquals(label, owner(disk));
        assertFalse(Files.exists(image));
        bed.conn.destroy(g, 0);
        assertEquals("+1234:+1234", owner(disk));
    }

    private static String xml(String name, UUID uuid, String os, String devices) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type>" + os + "</os>"
                + "<devices><emulator>" + TestBed.QEMU + "</emulator>" + devices + "</devices></domain>";
    }

    private static String disk(Path image, String target, boolean readOnly) {
        return "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + image + "'/>"
                + "<target dev='" + target + "' bus='virtio'/>" + (readOnly ? "<readonly/>" : "") + "</disk>";
    }

    /** A 1 MiB raw image only its owner may read and write. */
    private Path image(String name, int owner, int group) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, new byte[1 << 20]);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(p, "unix:uid", owner);
        Files.setAttribute(p, "unix:gid", group);
        return p;
    }

    /** A copy of the host's Debian kernel only root may read, when there is one. */
    private Optional<Path> kernel() throws IOException {
        Path boot = Path.of("/boot");
        if (!Files.isDirectory(boot)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(boot)) {
            Optional<Path> k = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).sorted().findFirst();
            if (k.isEmpty()) {
                return k;
            }
            Path copy = dir.resolve("vmlinuz");
            Files.copy(k.get(), copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
            return Optional.of(copy);
        }
    }

    private static String owner(Path p) throws IOException {
        return "+" + Files.getAttribute(p, "unix:uid") + ":+" + Files.getAttribute(p, "unix:gid");
    }

    /** The ids of a line of /proc/PID/status ({@code Uid:} real, effective, saved, fs). */
    private static List<Long> statusIds(long pid, String key) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith(key)).findFirst().map(l -> Stream.of(l.substring(key.length()).trim()
                        .split("\\s+")).filter(x -> !x.isEmpty()).map(Long::parseLong).toList()).orElse(List.of());
    }

    static Optional<long[]> ids(String user) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getent", "passwd", user).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return Optional.empty();
        }
        String[] f = out.split(":");
        return Optional.of(new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
    }

    static Optional<Long> groupId(String group) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getent", "group", group).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(out.split(":")[2]));
    }
}
