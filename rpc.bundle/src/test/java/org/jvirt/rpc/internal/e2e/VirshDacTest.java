package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;
import org.jvirt.rpc.internal.testkit.QemuHosts;

/**
 * Real virsh against jvirtd serving the QEMU driver with its default DAC settings (guests run as
 * {@code libvirt-qemu:kvm}; needs root and that user, which {@code .ci/run} creates): dominfo's
 * security lines, the capabilities' {@code <secmodel>}, the live XML's {@code <seclabel>}, the
 * emulator's ids and the image's owner during and after the run.
 */
class VirshDacTest {
    private Path dir;
    private boolean named;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(HostDirectories.isRoot(), "the DAC driver works for a daemon run as root");
        // libvirt-qemu where .ci/run made it, else Debian's number for it (qemu.conf takes +UID)
        named = Proc.run(List.of("getent", "passwd", "libvirt-qemu"), Map.of(), 10).exit() == 0;
        // the guest's user must reach its files, as it reaches /var/lib/libvirt
        dir = Files.createTempDirectory("jvdac");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void virshShowsTheDacModelAndTheGuestsLabel() throws Exception {
        String uid = named ? field("passwd", "libvirt-qemu", 2) : "64055";
        String gid = field("group", "kvm", 2);
        String label = "+" + uid + ":+" + gid;
        Path disk = dir.resolve("boot.img");
        byte[] sector = new byte[512];
        sector[0] = (byte) 0xeb;   // jmp $: a guest that spins on its boot sector
        sector[1] = (byte) 0xfe;
        sector[510] = 0x55;
        sector[511] = (byte) 0xaa;
        Files.write(disk, sector);
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rw-------"));
        Path xml = dir.resolve("dac.xml");
        Files.writeString(xml, guest("vdac", disk, ""));
        try (QemuHosts q = new QemuHosts(dir, settings()); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            String ro = "qemu+unix:///system?socket=" + d.ro;
            ok(Proc.virsh(uri, "create", xml.toString()));
            long pid = -1;
            try {
                Path pidFile;
                try (Stream<Path> s = Files.list(dir.resolve("run/system"))) {
                    pidFile = s.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst().orElseThrow();
                }
                pid = Long.parseLong(Files.readString(pidFile).strip());
                String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
                assertTrue(status.contains("\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n"), status);
                assertTrue(status.contains("\nGid:\t" + gid + "\t" + gid + "\t" + gid + "\t" + gid + "\n"), status);
                assertEquals(label, owner(disk));

                String info = ok(Proc.virsh(ro, "dominfo", "vdac")).out();
                // libvirt's DAC driver leaves virSecurityLabel.enforcing at 0: virsh says permissive
                assertTrue(info.contains("\nSecurity model: dac\nSecurity DOI:   0\nSecurity label: " + label
                        + " (permissive)\n"), info);
                String caps = ok(Proc.virsh(ro, "capabilities")).out();
                assertTrue(caps.contains("    <secmodel>\n      <model>dac</model>\n      <doi>0</doi>\n"
                        + "      <baselabel type='kvm'>" + label + "</baselabel>\n"
                        + "      <baselabel type='qemu'>" + label + "</baselabel>\n    </secmodel>\n"), caps);
                String live = ok(Proc.virsh(ro, "dumpxml", "vdac")).out();
                assertTrue(live.contains("  <seclabel type='dynamic' model='dac' relabel='yes'>\n    <label>" + label
                        + "</label>\n    <imagelabel>" + label + "</imagelabel>\n  </seclabel>\n"), live);
                assertEquals("running\n\n", ok(Proc.virsh(ro, "domstate", "vdac")).out());
            } finally {
                Result destroyed = Proc.virsh(uri, "destroy", "vdac");
                if (destroyed.exit() != 0 && pid > 0) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            assertEquals("+0:+0", owner(disk), "the image is given back to root");
            String after = ok(Proc.virsh(ro, "list", "--all")).out();
            assertTrue(!after.contains("vdac"), after);
        }
    }

    @Test
    void aStaticLabelWithoutRelabellingIsWhatVirshShowsAndWhatQemuRunsAs() throws Exception {
        String gid = field("group", "kvm", 2);
        String label = "+65534:+" + gid;
        Path disk = dir.resolve("static.img");
        Files.write(disk, new byte[512]);
        // relabel='no': the image stays root's, so the guest's user must be able to read it
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path xml = dir.resolve("static.xml");
        Files.writeString(xml, guest("vstatic", disk, "<seclabel type='static' model='dac' relabel='no'><label>"
                + label + "</label></seclabel>"));
        try (QemuHosts q = new QemuHosts(dir, settings()); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            ok(Proc.virsh(uri, "create", xml.toString()));
            try {
                String info = ok(Proc.virsh(uri, "dominfo", "vstatic")).out();
                assertTrue(info.contains("\nSecurity model: dac\nSecurity DOI:   0\nSecurity label: " + label
                        + " (permissive)\n"), info);
                String live = ok(Proc.virsh(uri, "dumpxml", "vstatic")).out();
                assertTrue(live.contains("  <seclabel type='static' model='dac' relabel='no'>\n    <label>" + label
                        + "</label>\n  </seclabel>\n"), live);
                assertTrue(!live.contains("imagelabel"), live);
                Path pidFile;
                try (Stream<Path> st = Files.list(dir.resolve("run/system"))) {
                    pidFile = st.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst().orElseThrow();
                }
                String status = Files.readString(Path.of("/proc", Files.readString(pidFile).strip(), "status"));
                assertTrue(status.contains("\nUid:\t65534\t65534\t65534\t65534\n"), status);
                assertEquals("running\n\n", ok(Proc.virsh(uri, "domstate", "vstatic")).out());
                assertEquals("+0:+0", owner(disk), "relabel='no' leaves the image alone");
            } finally {
                Proc.virsh(uri, "destroy", "vstatic");
            }
            assertEquals("+0:+0", owner(disk));
        }
    }

    /** The driver's defaults, with the user by number where the host has no libvirt-qemu. */
    private Map<String, Object> settings() {
        return named ? Map.of() : Map.of("user", "+64055");
    }

    private static String guest(String name, Path disk, String extra) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + disk + "'/>"
                + "<target dev='hda' bus='ide'/></disk></devices>" + extra + "</domain>";
    }

    private static Result ok(Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static String owner(Path p) throws Exception {
        return "+" + Files.getAttribute(p, "unix:uid") + ":+" + Files.getAttribute(p, "unix:gid");
    }

    private static String field(String database, String key, int index) throws Exception {
        Result r = Proc.run(List.of("getent", database, key), Map.of(), 10);
        return r.out().strip().split(":")[index];
    }
}
