package org.jvirt.driver.qemu.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BPF device filter on this host's kernel: a child group of the unified (cgroup v2) hierarchy
 * with the filter attached, a real process moved into it ({@link DeviceProbe}) that opens and
 * creates device nodes, and the kernel's answers. On a hybrid host the program is enforced next to
 * the v1 devices controller (whose root group allows everything).
 */
class BpfDeviceFilterTest {
    @TempDir
    Path tmp;
    private Path group;
    private DeviceProbe probe;
    private BpfDeviceFilter filter;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(BlockDevices.node("/dev/loop0") != null, "no /dev/loop0 block device to try");
        group = DeviceProbe.newV2Group("jvirt-bpftest-" + UUID.randomUUID().toString().substring(0, 8));
        probe = DeviceProbe.start();
        probe.moveInto(group);
        filter = new BpfDeviceFilter(group);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (probe != null) {
            probe.stop();
        }
        if (filter != null) {
            filter.detach();
        }
        if (group != null) {
            Files.deleteIfExists(group);
        }
    }

    @Test
    void onlyTheMapsEntriesAreAllowedWithTheirAccessAndUpdatesTakeEffectAtOnce() throws Exception {
        assertEquals("ok", probe.open("/dev/full", "rw"), "no filter yet");
        filter.denyAll();
        assertEquals(1, attached(group), "one program attached");
        assertEquals("EPERM", probe.open("/dev/null", "r"), "empty map: everything refused");

        filter.allow(DeviceRule.parse("c 1:3 rw"));    // /dev/null
        filter.allow(DeviceRule.parse("c 1:5 r"));     // /dev/zero, read only
        assertEquals("ok", probe.open("/dev/null", "rw"));
        assertEquals("ok", probe.open("/dev/zero", "r"));
        assertEquals("EPERM", probe.open("/dev/zero", "w"), "read-only entry refuses write");
        assertEquals("EPERM", probe.open("/dev/full", "r"), "not in the map");
        assertEquals("EPERM", probe.open("/dev/urandom", "r"), "not in the map");
        assertEquals("EPERM", probe.open("/dev/loop0", "r"), "no block device allowed");

        // mknod is an access of its own; the type bits must match too (b 1:3 is not c 1:3)
        Path node = tmp.resolve("null2");
        assertEquals("EPERM", probe.mknod(node, 'c', 1, 3), "rw does not allow mknod");
        filter.allow(DeviceRule.parse("c 1:3 rwm"));
        assertEquals("ok", probe.mknod(node, 'c', 1, 3));
        assertEquals("EPERM", probe.mknod(tmp.resolve("blk"), 'b', 1, 3), "c entry does not allow b");

        // hot-unplug: deny takes the write access, then the entry
        filter.deny(DeviceRule.parse("c 1:3 w"));
        assertEquals("ok", probe.open("/dev/null", "r"));
        assertEquals("EPERM", probe.open("/dev/null", "w"));
        filter.deny(DeviceRule.parse("c 1:3 rm"));
        assertEquals("EPERM", probe.open("/dev/null", "r"));
        assertEquals(Map.of(DeviceRule.parse("c 1:5 r").key(), DeviceRule.parse("c 1:5 r")), filter.entries());
    }

    @Test
    void wildcardEntriesCoverEveryMinorOrMajor() throws Exception {
        filter.denyAll();
        filter.allow(DeviceRule.parse("c 5:2 rw"));
        assertEquals("EPERM", probe.open(probe.pty(), "rw"), "the pty's c 136:N not allowed yet");
        filter.allow(DeviceRule.parse("c 136:* rw"));
        assertEquals("ok", probe.open(probe.pty(), "rw"), "c 136:* allows every pty");
        assertEquals("EPERM", probe.open("/dev/null", "r"));
        filter.allow(DeviceRule.parse("c *:3 r"));     // minor 3 of every char major: /dev/null
        assertEquals("ok", probe.open("/dev/null", "r"));
        assertEquals("EPERM", probe.open("/dev/null", "w"));
        assertEquals("EPERM", probe.open("/dev/zero", "r"));
        filter.allow(DeviceRule.parse("a *:* r"));      // every device, read
        assertEquals("ok", probe.open("/dev/zero", "r"));
        assertEquals("ok", probe.open("/dev/loop0", "r"));
        assertEquals("EPERM", probe.open("/dev/zero", "w"));
    }

    @Test
    void aFullMapIsDoubledAndARestartedDriverFindsProgramAndMapAgain() throws Exception {
        filter.denyAll();
        filter.allow(DeviceRule.parse("c 1:3 rw"));
        for (int minor = 0; minor < BpfDeviceFilter.INITIAL_MAP_SIZE + 6; minor++) {
            filter.allow(DeviceRule.parse("c 250:" + minor + " rw"));
        }
        assertEquals(2 * BpfDeviceFilter.INITIAL_MAP_SIZE, filter.capacity());
        assertEquals(BpfDeviceFilter.INITIAL_MAP_SIZE + 7, filter.entries().size());
        assertEquals(1, attached(group), "the larger map's program replaced the first");
        assertEquals("ok", probe.open("/dev/null", "rw"), "entries copied into the new map");
        assertEquals("EPERM", probe.open("/dev/zero", "r"));

        // a driver restart: the old handles closed, a new object finds the kernel's objects
        Map<Long, DeviceRule> before = filter.entries();
        filter.close();
        BpfDeviceFilter again = new BpfDeviceFilter(group);
        filter = again;
        assertEquals(before, again.entries());
        assertEquals(2 * BpfDeviceFilter.INITIAL_MAP_SIZE, again.capacity());
        again.allow(DeviceRule.parse("c 1:5 r"));
        assertEquals("ok", probe.open("/dev/zero", "r"), "hot-plug after the restart");
        again.deny(DeviceRule.parse("c 1:3 rw"));
        assertEquals("EPERM", probe.open("/dev/null", "r"), "unplug after the restart");

        again.detach();
        assertEquals(0, attached(group), "no program left after detach");
        assertEquals("ok", probe.open("/dev/full", "rw"), "unfiltered again");
    }

    @Test
    void aGroupThatIsNotThereIsLibvirtsSystemError() {
        BpfDeviceFilter none = new BpfDeviceFilter(group.resolveSibling(group.getFileName() + "-missing"));
        VirtException e = assertThrows(VirtException.class, none::denyAll);
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("unable to open '") && e.getMessage().endsWith(
                "-missing': No such file or directory"), e.getMessage());
    }

    @Test
    void theDriversAclListGoesIntoTheMap() throws Exception {
        filter.denyAll();
        List<String> acl = List.of("c 1:3 rw", "c 1:7 rw", "c 136:* rw", "b 7:0 r");
        for (String line : acl) {
            filter.allow(DeviceRule.parse(line));
        }
        assertEquals(acl.stream().sorted().toList(),
                filter.entries().values().stream().map(DeviceRule::toString).sorted().collect(Collectors.toList()));
        assertEquals("ok", probe.open("/dev/loop0", "r"));
        assertEquals("EPERM", probe.open("/dev/loop0", "w"));
    }

    /**
     * The driver's path: {@link DeviceAcl} writes a definition's list (libvirt's defaults, ptys,
     * the definition's block disk) into the program's map of a guest group in the unified
     * hierarchy, and the guest group's removal detaches it.
     */
    @Test
    void theDeviceAclOfADefinitionGoesIntoTheGroupsMap() throws Exception {
        CgroupMounts v2 = new CgroupMounts(Map.of(), group.getParent(), Set.of(Controller.DEVICES));
        GuestCgroup guest = new GuestCgroup(v2, group.getFileName().toString(), "qemu-9-acl.libvirt-qemu");
        Path dir = guest.dir(Controller.DEVICES);
        DomainDef def = new DomainXmlCodecImpl().parse("""
                <domain type='qemu'><name>acl</name><memory>65536</memory><vcpu>1</vcpu>
                <os><type arch='x86_64' machine='pc'>hvm</type></os>
                <devices><disk type='block' device='disk'><source dev='/dev/loop0'/>
                <target dev='vda' bus='virtio'/><readonly/></disk></devices></domain>""", 0);
        Files.createDirectory(dir);
        try {
            new DeviceAcl(guest).apply(def);
            assertEquals(1, attached(dir));
            assertEquals(DeviceAcl.entries(def).stream().sorted().toList(), DeviceProbe.filterEntries(dir));
            assertTrue(DeviceProbe.filterEntries(dir).contains("b 7:0 r"), "the read-only disk");
            int program = DeviceProbe.attachedProgramIds(dir)[0];
            assertTrue(guest.remove());
            assertFalse(Files.exists(dir));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (DeviceProbe.programExists(program) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(DeviceProbe.programExists(program), "program freed after detach and removal");
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Below a group with a program attached without BPF_F_ALLOW_MULTI or _OVERRIDE the kernel lets
     * no descendant attach (EPERM): libvirt's error for the filter, and DeviceAcl runs the guest
     * unfiltered, as libvirt's qemuSetupDevicesCgroup does on EPERM.
     */
    @Test
    void belowAnExclusiveProgramTheGroupIsNotOursToFilter() throws Exception {
        int map = Bpf.mapCreate(Bpf.MAP_TYPE_HASH, 8, 4, 4);
        int prog = Bpf.progLoad(Bpf.PROG_TYPE_CGROUP_DEVICE, DeviceFilterProgram.instructions(map), new String[1]);
        Bpf.update(map, -1L, DeviceRule.parse("a *:* rwm").value());   // allows everything: harmless
        int parentFd = Bpf.openDirectory(group.toString());
        Path child = group.resolve("qemu-8-x.libvirt-qemu");
        try {
            Bpf.attach(prog, parentFd, Bpf.ATTACH_CGROUP_DEVICE, 0);
            Files.createDirectory(child);
            VirtException e = assertThrows(VirtException.class, () -> new BpfDeviceFilter(child).denyAll());
            assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
            assertEquals("failed to attach cgroup BPF prog: Operation not permitted", e.getMessage().substring(
                    e.getMessage().indexOf("failed")));
            assertEquals(Bpf.EPERM, BpfDeviceFilter.errno(e));
            assertEquals(0, attached(child));

            CgroupMounts v2 = new CgroupMounts(Map.of(), group.getParent(), Set.of(Controller.DEVICES));
            GuestCgroup guest = new GuestCgroup(v2, group.getFileName().toString(), child.getFileName().toString());
            new DeviceAcl(guest).apply(new DomainXmlCodecImpl().parse("""
                    <domain type='qemu'><name>x</name><memory>65536</memory><vcpu>1</vcpu>
                    <os><type arch='x86_64' machine='pc'>hvm</type></os><devices/></domain>""", 0));
            assertEquals(0, attached(child), "unfiltered, with a warning");
        } finally {
            Files.deleteIfExists(child);
            Bpf.detach(prog, parentFd, Bpf.ATTACH_CGROUP_DEVICE);
            Bpf.close(parentFd);
            Bpf.close(prog);
            Bpf.close(map);
        }
    }

    private static int attached(Path dir) throws Exception {
        return DeviceProbe.attachedPrograms(dir);
    }
}
