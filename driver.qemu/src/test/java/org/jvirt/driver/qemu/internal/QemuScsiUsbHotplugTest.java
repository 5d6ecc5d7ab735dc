package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;

/**
 * SCSI and USB disks plugged into and out of a real (BIOS-only) QEMU guest, as libvirt 9.0 plugs
 * them: drive and USB addresses and aliases as a start gives them, a SCSI controller plugged
 * first where the guest has none (lsilogic, or the model of the guest's last SCSI controller),
 * the device-removed event with the alias once QEMU removed the device (SCSI and USB buses
 * unplug at once, without the guest), and the aliases of the disks and controllers a start made.
 */
class QemuScsiUsbHotplugTest {
    @TempDir
    Path dir;
    private TestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    private Path image(String name) throws Exception {
        Path img = dir.resolve(name + ".img");
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(1 << 20);
        }
        return img;
    }

    private String guest(String name, String extra) throws Exception {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><emulator>" + TestBed.QEMU
                + "</emulator><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='"
                + image(name) + "'/><target dev='vda' bus='virtio'/></disk><disk type='file' device='cdrom'>"
                + "<target dev='hdc' bus='ide'/><readonly/></disk>" + extra + "</devices></domain>";
    }

    private static String disk(Path img, String device, String target) {
        return "<disk type='file' device='" + device + "'><driver name='qemu' type='raw'/><source file='" + img
                + "'/><target " + target + "/></disk>";
    }

    private String removal() throws InterruptedException {
        return bed.removals.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void aStartNamesDisksAndControllersAsLibvirt() throws Exception {
        DomainRef ref = bed.conn.createXml(guest("alias1", "<controller type='scsi' index='0' model='virtio-scsi'/>"
                + disk(image("alias1-sda"), "disk", "dev='sda' bus='scsi'")), 0);
        bed.pid(ref);
        String live = bed.conn.xmlDesc(ref, 0);
        for (String alias : List.of("virtio-disk0", "ide0-1-0", "scsi0-0-0-0", "scsi0", "usb", "pci.0", "ide")) {
            assertTrue(live.contains("<alias name='" + alias + "'/>"), alias + " in " + live);
        }
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());
        for (String id : List.of("virtio-disk0", "ide0-1-0", "scsi0-0-0-0", "scsi0")) {
            assertTrue(QmpJson.hasPeripheral(dom.qmp(), id), id);
        }
        // the persistent definition has none
        assertFalse(bed.conn.xmlDesc(ref, 2).contains("<alias "));
        bed.conn.destroy(ref, 0);
    }

    /**
     * A guest without a SCSI controller gets one (lsilogic, libvirt's default on x86) before the
     * disk; the disk and a SCSI cdrom go with their aliases in device-removed events, the
     * controller stays; a disk on a taken address is refused.
     */
    @Test
    void scsiDisksGetAControllerAndGoWithTheirEvents() throws Exception {
        DomainRef ref = bed.conn.createXml(guest("scsi1", ""), 0);
        bed.pid(ref);
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());
        Path img = image("scsi1-sdb");
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, disk(img, "disk", "dev='sdb' bus='scsi'"));
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<controller type='scsi' index='0' model='lsilogic'>"), live);
        assertTrue(live.contains("<alias name='scsi0'/>"), live);
        assertTrue(live.contains("<alias name='scsi0-0-1'/>"), live);
        assertTrue(live.contains("<address type='drive' controller='0' bus='0' target='0' unit='1'/>"), live);
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "scsi0"));
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "scsi0-0-1"));
        assertEquals("lsi53c895a", dom.qmp().execute("qom-get", QmpClient.args()
                .put("path", "/machine/peripheral/scsi0").put("property", "type")).asText());

        Path iso = image("scsi1-cd");
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, disk(iso, "cdrom", "dev='sdc' bus='scsi'"));
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "scsi0-0-2"));
        assertEquals("scsi-cd", dom.qmp().execute("qom-get", QmpClient.args()
                .put("path", "/machine/peripheral/scsi0-0-2").put("property", "type")).asText());
        VirtException taken = assertThrows(VirtException.class, () -> bed.conn.ownDevices().orElseThrow().attachDevice(ref,
                "<disk type='file' device='disk'><source file='" + img + "'/><target dev='sdd' bus='scsi'/>"
                        + "<address type='drive' controller='0' bus='0' target='0' unit='2'/></disk>"));
        assertEquals(ErrorCode.OPERATION_INVALID, taken.code());
        assertTrue(taken.getMessage().endsWith("Domain already contains a disk with that address"),
                taken.getMessage());

        long start = System.nanoTime();
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, disk(img, "disk", "dev='sdb' bus='scsi'"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5_000, "the SCSI bus unplugs at once, the detach took " + ms + " ms");
        assertEquals("scsi1 scsi0-0-1", removal());
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "scsi0-0-1"));
        live = bed.conn.xmlDesc(ref, 0);
        assertFalse(live.contains("dev='sdb'"), live);
        assertFalse(live.contains(img.toString()), live);
        assertTrue(live.contains("<alias name='scsi0'/>"), live);
        assertFalse(QmpJson.blockNodeNames(dom.qmp()).stream().anyMatch(n -> n.contains("-storage")
                && nodeFile(dom, n).equals(img.toString())));

        // the plugged cdrom's medium changes as a cold-plugged one's: ejected, then back
        bed.conn.ownDevices().orElseThrow().updateDeviceFlags(ref, "<disk type='file' device='cdrom'><target dev='sdc' bus='scsi'/></disk>", 1);
        assertFalse(bed.conn.xmlDesc(ref, 0).contains(iso.toString()));
        bed.conn.ownDevices().orElseThrow().updateDeviceFlags(ref, disk(iso, "cdrom", "dev='sdc' bus='scsi'"), 1);
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<source file='" + iso + "'"));
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, disk(iso, "cdrom", "dev='sdc' bus='scsi'"));
        assertEquals("scsi1 scsi0-0-2", removal());
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "scsi0-0-2"));
        bed.conn.destroy(ref, 0);
    }

    /** The file of block node {@code node}, or "". */
    private static String nodeFile(QemuDomainObj dom, String node) {
        try {
            for (var n : dom.qmp().execute("query-named-block-nodes", null)) {
                if (node.equals(n.path("node-name").asText())) {
                    return n.path("file").asText();
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return "";
    }

    /** A guest's virtio-scsi controller is the model of the second controller a disk on it needs. */
    @Test
    void aSecondControllerTakesTheModelOfTheFirst() throws Exception {
        DomainRef ref = bed.conn.createXml(guest("scsi2", "<controller type='scsi' index='0' model='virtio-scsi'/>"),
                0);
        bed.pid(ref);
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());
        Path img = image("scsi2-sdh");
        // sdh is the eighth SCSI disk name: controller 1, unit 0 (seven units per controller)
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, disk(img, "disk", "dev='sdh' bus='scsi'"));
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<controller type='scsi' index='1' model='virtio-scsi'>"), live);
        assertTrue(live.contains("<alias name='scsi1-0-0-0'/>"), live);
        assertEquals("virtio-scsi-pci", dom.qmp().execute("qom-get", QmpClient.args()
                .put("path", "/machine/peripheral/scsi1").put("property", "type")).asText());
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "scsi1-0-0-0"));
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, disk(img, "disk", "dev='sdh' bus='scsi'"));
        assertEquals("scsi2 scsi1-0-0-0", removal());
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "scsi1-0-0-0"));
        bed.conn.destroy(ref, 0);
    }

    /** usb-storage on the guest's USB controller, on a free port, removable as asked. */
    @Test
    void usbDisksTakeAFreePortAndGoWithTheirEvents() throws Exception {
        DomainRef ref = bed.conn.createXml(guest("usb1", ""), 0);
        bed.pid(ref);
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());
        Path a = image("usb1-a");
        Path b = image("usb1-b");
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, disk(a, "disk", "dev='sdb' bus='usb'"));
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, disk(b, "disk", "dev='sdc' bus='usb' removable='on'"));
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<alias name='usb-disk1'/>"), live);
        assertTrue(live.contains("<alias name='usb-disk2'/>"), live);
        assertTrue(live.contains("<address type='usb' bus='0' port='1'/>"), live);
        assertTrue(live.contains("<address type='usb' bus='0' port='2'/>"), live);
        assertEquals("usb-storage", dom.qmp().execute("qom-get", QmpClient.args()
                .put("path", "/machine/peripheral/usb-disk1").put("property", "type")).asText());
        assertFalse(dom.qmp().execute("qom-get", QmpClient.args()
                .put("path", "/machine/peripheral/usb-disk1").put("property", "removable")).asBoolean());
        assertTrue(dom.qmp().execute("qom-get", QmpClient.args()
                .put("path", "/machine/peripheral/usb-disk2").put("property", "removable")).asBoolean());
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, disk(a, "disk", "dev='sdb' bus='usb'"));
        assertEquals("usb1 usb-disk1", removal());
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "usb-disk1"));
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "usb-disk2"));
        assertFalse(bed.conn.xmlDesc(ref, 0).contains(a.toString()));
        bed.conn.destroy(ref, 0);
    }
}
