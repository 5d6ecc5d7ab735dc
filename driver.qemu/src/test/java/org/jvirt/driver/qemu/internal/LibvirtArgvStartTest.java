package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;

/**
 * Guests start with libvirt's command line for the probed emulator: real devices, the monitor on
 * the driver's socket path, the domain folder with its master key, removed again at stop.
 */
class LibvirtArgvStartTest {
    private TestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = TestBed.openInTempDirIfQemuInstalled("jqa");
    }

    @AfterEach
    void stop() throws Exception {
        if (bed != null) {
            bed.closeAndDeleteDir();
        }
    }

    @Test
    void aGuestWithDevicesRunsOnLibvirtsCommandLine() throws Exception {
        UUID uuid = UUID.randomUUID();
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n"
                + "    <interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/></interface>\n"
                + "    <serial type='pty'/><console type='pty'/>\n"
                + "    <memballoon model='virtio'/>\n  </devices>\n";
        String xml = TestBed.xml("argv1", uuid, 2, "").replaceFirst("(?s)  <devices>.*</devices>\n", devices);
        DomainRef ref = bed.conn.defineXml(xml, 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        List<String> cmd = QemuProcesses.cmdline(pid).orElseThrow();
        String line = String.join(" ", cmd);
        Path run = bed.dir.resolve("run/system").toAbsolutePath();
        Path domainDir = run.resolve("domain-" + bed.conn.lookupByName("argv1").id() + "-argv1");
        assertEquals(TestBed.QEMU.toString(), cmd.get(0));
        assertTrue(line.contains("-name guest=argv1,debug-threads=on -S "), line);
        assertTrue(line.contains("secret,id=masterKey0,format=raw,file=" + domainDir + "/master-key.aes")
                || line.contains("\"id\":\"masterKey0\""), line);
        assertTrue(line.contains("-machine pc-i440fx-7.2,"), line);
        assertTrue(line.contains("path=" + domainDir.resolve("monitor.sock") + ",server=on,wait=off"), line);
        assertFalse(line.contains("fd=1729"), line);
        assertTrue(line.contains("virtio-net-pci") && line.contains("52:54:00:12:34:56"), line);
        assertTrue(line.contains("isa-serial"), line);
        assertTrue(line.contains("virtio-balloon-pci"), line);
        assertTrue(line.endsWith("-pidfile " + run.resolve(uuid + ".pid")), line);
        // the live XML is the definition QEMU runs: canonical machine, as libvirt shows it
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("machine='pc-i440fx-7.2'"), live);
        assertTrue(live.contains("<domain type='qemu' id='"), live);
        Path key = domainDir.resolve("master-key.aes");
        assertEquals(32, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        // the devices are there: QEMU lists them under their libvirt ids
        var peripherals = bed.driver.hosts().get(0).byUuid(uuid).qmp().execute("qom-list",
                QmpClient.args().put("path", "/machine/peripheral"));
        Set<String> ids = new HashSet<>();
        peripherals.forEach(n -> ids.add(n.path("name").asText()));
        assertTrue(ids.containsAll(Set.of("net0", "serial0", "balloon0", "usb")), ids.toString());

        bed.conn.destroy(ref, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        assertFalse(Files.exists(domainDir), "domain folder removed at stop");
        assertFalse(Files.exists(domainDir.resolve("monitor.sock")));
    }

    @Test
    void aDiskQemuCannotOpenFailsCleanlyWithQemusWords() throws Exception {
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='/nonexistent/disk.qcow2'/><target dev='vda' bus='virtio'/></disk>\n  </devices>\n";
        String xml = TestBed.xml("argv2", UUID.randomUUID(), 1, "").replaceFirst("(?s)  <devices>.*</devices>\n",
                devices);
        DomainRef ref = bed.conn.defineXml(xml, 0);
        VirtException e = assertThrows(
                VirtException.class, () -> bed.conn.create(ref, 0));
        assertTrue(e.getMessage().contains("/nonexistent/disk.qcow2"), e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        try (var s = Files.list(bed.dir.resolve("run/system"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("domain-")), e.toString());
        }
    }
}
