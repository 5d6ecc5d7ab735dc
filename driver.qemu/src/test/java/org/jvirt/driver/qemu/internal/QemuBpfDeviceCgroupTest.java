package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.cgroup.CgroupMounts;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.DeviceProbe;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroups;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real QEMU guest whose device access is cgroup v2's BPF device filter: the driver is given
 * this host's hierarchies with the v1 devices hierarchy left unused (a hybrid host whose devices
 * are v2's), so the guest's group in the unified hierarchy gets libvirt's program and map. QEMU
 * itself shows the kernel's verdicts: {@code blockdev-add} of a loop device not in the map fails
 * with EPERM, and succeeds once the driver allowed it, also after a driver restart.
 */
class QemuBpfDeviceCgroupTest {
    @TempDir
    Path dir;
    private TestBed bed;
    private final List<String> loops = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
        Path v2 = DeviceProbe.assumeBpfDeviceFilter();
        CgroupMounts mounts = CgroupMounts.detectWithoutV1(Set.of(Controller.DEVICES));
        assumeTrue(mounts.inV2(Controller.DEVICES), "devices not usable in the unified hierarchy at " + v2);
        bed.cgroupMounts = () -> mounts;
        bed.newDriver();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
        for (String dev : loops) {
            DeviceNodes.detachLoop(dev);
        }
    }

    @Test
    void theGuestsGroupHasLibvirtsProgramAndMapAndHotPlugWorksAcrossADriverRestart() throws Exception {
        String disk = loop("disk.img");
        String plugged = loop("plugged.img");
        String later = loop("later.img");
        String xml = TestBed.xml("cgbpf", UUID.randomUUID(), 1, "").replace("<devices>\n", "<devices>\n"
                + "    <disk type='block' device='disk'><source dev='" + disk + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>\n");
        long descriptors = DeviceProbe.openBpfDescriptors();
        DomainRef ref = bed.conn.createXml(xml, 0);
        long pid = bed.pid(ref);
        String uuid = ref.uuid().toString();
        GuestCgroup g = bed.host().context().cgroups().of(uuid).orElseThrow();
        Path group = g.dir(Controller.DEVICES);
        assertTrue(group.startsWith(bed.host().context().cgroups().mounts().v2Mount()), group.toString());
        assertTrue(Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")).contains("0::" + g.path()),
                "QEMU in the guest's v2 group " + g.path());

        // one program, its map holding the same list the v1 devices controller gets
        int[] programs = DeviceProbe.attachedProgramIds(group);
        assertEquals(1, programs.length);
        assertEquals(descriptors + 2, DeviceProbe.openBpfDescriptors(), "the driver holds program and map");
        List<String> expected = new ArrayList<>(DeviceNodes.defaultAcl());
        expected.add(node(disk) + " rw");
        expected.add("c 136:* rw");
        assertEquals(expected.stream().sorted().toList(), DeviceProbe.filterEntries(group));

        // QEMU may not open a block device outside the list; allowed (hot-plug), it may
        QmpException refused = assertThrows(QmpException.class, () -> addBlock(ref, "hp1", plugged));
        assertTrue(refused.getMessage().contains("Operation not permitted"), refused.getMessage());
        GuestCgroups cgroups = bed.host().context().cgroups();
        cgroups.allowDevicePath(uuid, plugged, false);
        addBlock(ref, "hp1", plugged);
        assertTrue(DeviceProbe.filterEntries(group).contains(node(plugged) + " rw"));

        // a restarted driver finds the program and map again and still allows and denies
        bed.newDriver();
        assertEquals(pid, bed.pid(ref), "the guest runs on");
        assertEquals(descriptors, DeviceProbe.openBpfDescriptors(), "the stopped driver closed its descriptors");
        assertEquals(List.of(programs[0]), List.of(DeviceProbe.attachedProgramIds(group)[0]), "still attached");
        QmpException stillRefused = assertThrows(QmpException.class, () -> addBlock(ref, "hp2", later));
        assertTrue(stillRefused.getMessage().contains("Operation not permitted"), stillRefused.getMessage());
        GuestCgroups again = bed.host().context().cgroups();
        again.allowDevicePath(uuid, later, true);
        addBlock(ref, "hp2", later);
        assertTrue(DeviceProbe.filterEntries(group).contains(node(later) + " r"));
        again.denyDevicePath(uuid, plugged);
        assertFalse(DeviceProbe.filterEntries(group).contains(node(plugged) + " rw"));
        assertEquals(1, DeviceProbe.attachedPrograms(group), "no second program");

        // destroy: group gone, program detached and freed
        bed.conn.destroy(ref, 0);
        assertFalse(Files.exists(group), group + " removed");
        assertEquals(descriptors, DeviceProbe.openBpfDescriptors(), "descriptors closed on stop");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (DeviceProbe.programExists(programs[0]) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(DeviceProbe.programExists(programs[0]), "BPF program " + programs[0] + " freed");
    }

    /** QEMU opens {@code dev} as a read-only block node of its own. */
    private void addBlock(DomainRef ref, String nodeName, String dev) throws QmpException {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("driver", "host_device")
                .put("node-name", nodeName).put("filename", dev).put("read-only", true);
        bed.host().byUuid(ref.uuid()).qmp().execute("blockdev-add", args);
    }

    /** A loop device detached after the test. */
    private String loop(String name) throws Exception {
        String dev = DeviceNodes.loop(dir, name);
        loops.add(dev);
        return dev;
    }

    private static String node(String dev) throws Exception {
        return DeviceNodes.node(dev);
    }
}
