package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real QEMU guests whose cgroups name block devices (loop devices the test makes): per-device
 * {@code blkiotune} in the definition and the blkio group, and the devices controller's list of
 * what the guest may open. The rest of the cgroup behaviour is in {@link QemuCgroupTest}.
 */
class QemuBlockCgroupTest {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();

    @TempDir
    Path dir;
    private TestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
        GuestCgroups cgroups = bed.host().context().cgroups();
        assumeTrue(cgroups.groupOf(1, "probe").has(Controller.CPU) && cgroups.groupOf(1, "probe").has(Controller.MEMORY),
                "no writable cpu and memory cgroup controllers: " + cgroups.describe());
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    /**
     * Per-device {@code blkiotune} as libvirt's qemuDomainSetBlkioParameters: the lists are parsed
     * and merged into {@code <blkiotune>} (a device whose values are all 0 disappears), and a
     * running guest's values go to the blkio group's throttle files; errors in libvirt's words.
     */
    @Test
    void perDeviceBlockIoTuningGoesToTheDefinitionAndTheGroup() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("cgblk", UUID.randomUUID(), 1, ""), 0);
        setBlkio(ref, "device_read_iops_sec", "/dev/loop0,100,/dev/loop1,200", CONFIG);
        setBlkio(ref, "device_read_iops_sec", "/dev/loop1,0", CONFIG);
        setBlkio(ref, "device_write_bytes_sec", "/dev/loop0,4096", CONFIG);
        Map<String, Object> blk = asMap(bed.conn.blkioParameters(ref, CONFIG));
        assertEquals("/dev/loop0,100", blk.get("device_read_iops_sec"));
        assertEquals("/dev/loop0,4096", blk.get("device_write_bytes_sec"));
        String xml = bed.conn.xmlDesc(ref, 0);
        assertTrue(xml.contains("<path>/dev/loop0</path>") && xml.contains("<read_iops_sec>100</read_iops_sec>")
                && xml.contains("<write_bytes_sec>4096</write_bytes_sec>"), xml);
        assertFalse(xml.contains("/dev/loop1"), xml);

        VirtException odd = assertThrows(VirtException.class, () -> setBlkio(ref, "device_weight", "a,b,c", CONFIG));
        assertEquals(ErrorCode.INVALID_ARG, odd.code());
        assertTrue(odd.getMessage().endsWith("unable to parse blkio device 'device_weight' 'a,b,c'"), odd.getMessage());
        VirtException number = assertThrows(VirtException.class,
                () -> setBlkio(ref, "device_weight", "/dev/loop0,x", CONFIG));
        assertTrue(number.getMessage().endsWith("invalid value 'x' for parameter 'device_weight' of device "
                + "'/dev/loop0'"), number.getMessage());

        bed.conn.create(ref, 0);
        bed.pid(ref);
        GuestCgroup g = bed.host().context().cgroups().groupOf(bed.conn.lookupByUuid(ref.uuid()).id(), "cgblk");
        // the live part needs a real block device and the v1 blkio controller: a skip says when it cannot run
        assumeTrue(g.has(Controller.BLKIO) && !g.isV2(Controller.BLKIO), "no cgroup v1 blkio controller");
        String loop = DeviceNodes.loop(dir, "blk.img");
        try {
            setBlkio(ref, "device_read_bytes_sec", loop + ",1048576", LIVE);
            assertTrue(read(g.dir(Controller.BLKIO).resolve("blkio.throttle.read_bps_device")).contains(
                    DeviceNodes.node(loop).substring(2) + " 1048576"));
            assertTrue(bed.conn.xmlDesc(ref, 0).contains("<read_bytes_sec>1048576</read_bytes_sec>"));
            VirtException notBlock = assertThrows(VirtException.class,
                    () -> setBlkio(ref, "device_read_bytes_sec", dir + ",1", LIVE));
            assertEquals(ErrorCode.SYSTEM_ERROR, notBlock.code());
            assertTrue(notBlock.getMessage().endsWith("Path '" + dir + "' must be a block device: Invalid argument"),
                    notBlock.getMessage());
            if (Files.exists(g.dir(Controller.BLKIO).resolve("blkio.weight_device"))) {
                setBlkio(ref, "device_weight", loop + ",500", LIVE);
                assertTrue(read(g.dir(Controller.BLKIO).resolve("blkio.weight_device")).contains(" 500"));
            } else {
                VirtException weight = assertThrows(VirtException.class,
                        () -> setBlkio(ref, "device_weight", loop + ",500", LIVE));
                assertEquals(ErrorCode.OPERATION_INVALID, weight.code());
                assertTrue(weight.getMessage().endsWith("blkio device weight is valid only for cfq scheduler"));
            }
        } finally {
            DeviceNodes.detachLoop(loop);
        }
        bed.conn.destroy(ref, 0);
        bed.conn.undefine(ref, 0);
    }

    private void setBlkio(DomainRef ref, String field, String value, int flags) throws VirtException {
        bed.conn.setBlkioParameters(ref, List.of(TypedParameter.ofString(field, value)), flags);
    }

    @Test
    void theDevicesControllerAllowsLibvirtsDefaultsPtysBlockDisksTheirBackingChainsAndRngOnly() throws Exception {
        GuestCgroups cgroups = bed.host().context().cgroups();
        assumeTrue(cgroups.groupOf(1, "probe").has(Controller.DEVICES)
                && !cgroups.groupOf(1, "probe").isV2(Controller.DEVICES), "no v1 devices controller");
        Path file = dir.resolve("plain.img");
        String rw = DeviceNodes.loop(dir, "rw.img");
        String ro = DeviceNodes.loop(dir, "ro.img");
        String backing = DeviceNodes.loop(dir, "backing.img");
        String plugged = DeviceNodes.loop(dir, "plugged.img");
        try {
            Files.write(file, new byte[1 << 20]);
            // a qcow2 file over a block device: QEMU opens the device read-only through the image
            Path overlay = dir.resolve("overlay.qcow2");
            Process qi = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b", backing,
                    overlay.toString()).redirectErrorStream(true).start();
            String qiOut = new String(qi.getInputStream().readAllBytes());
            assertEquals(0, qi.waitFor(), qiOut);
            String disks = "    <disk type='block' device='disk'><source dev='" + rw + "'/>"
                    + "<target dev='vda' bus='virtio'/></disk>\n"
                    + "    <disk type='block' device='disk'><source dev='" + ro + "'/>"
                    + "<target dev='vdb' bus='virtio'/><readonly/></disk>\n"
                    + "    <disk type='file' device='disk'><source file='" + file + "'/>"
                    + "<target dev='vdc' bus='virtio'/></disk>\n"
                    + "    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + overlay
                    + "'/><target dev='vdd' bus='virtio'/></disk>\n";
            boolean hwrng = Files.exists(Path.of("/dev/hwrng"));
            if (hwrng) {
                disks += "    <rng model='virtio'><backend model='random'>/dev/hwrng</backend></rng>\n";
            }
            String xml = TestBed.xml("cgdev", UUID.randomUUID(), 1, "").replace("<devices>\n", "<devices>\n" + disks);
            DomainRef ref = bed.conn.createXml(xml, 0);
            bed.pid(ref);
            String block = bed.driver.hosts().get(0).byUuid(ref.uuid()).qmp().execute("query-block", null).toString();
            assertTrue(block.contains(backing), "QEMU opened the backing device: " + block);
            GuestCgroup g = cgroups.of(ref.uuid().toString()).orElseThrow();
            List<String> expected = new ArrayList<>(DeviceNodes.defaultAcl());
            expected.add(DeviceNodes.node(rw) + " rw");
            expected.add(DeviceNodes.node(ro) + " r");
            expected.add(DeviceNodes.node(backing) + " r");
            expected.add("c 136:* rw");
            if (hwrng) {
                expected.add(DeviceNodes.node("/dev/hwrng") + " rw");
            }
            List<String> listed = Files.readAllLines(g.dir(Controller.DEVICES).resolve("devices.list"));
            assertEquals(expected.stream().sorted().toList(), listed.stream().sorted().toList());
            // hot-plug and unplug of a block device: the same list, one entry more, then less
            cgroups.allowDevicePath(ref.uuid().toString(), plugged, true);
            List<String> withPlugged = Files.readAllLines(g.dir(Controller.DEVICES).resolve("devices.list"));
            assertTrue(withPlugged.contains(DeviceNodes.node(plugged) + " r"), withPlugged.toString());
            cgroups.denyDevicePath(ref.uuid().toString(), plugged);
            listed = Files.readAllLines(g.dir(Controller.DEVICES).resolve("devices.list"));
            assertEquals(expected.stream().sorted().toList(), listed.stream().sorted().toList());
            bed.conn.destroy(ref, 0);
        } finally {
            DeviceNodes.detachLoop(rw);
            DeviceNodes.detachLoop(ro);
            DeviceNodes.detachLoop(backing);
            DeviceNodes.detachLoop(plugged);
        }
    }

    private static Map<String, Object> asMap(List<TypedParameter> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach(p -> out.put(p.field(), p.value()));
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).strip();
    }
}
