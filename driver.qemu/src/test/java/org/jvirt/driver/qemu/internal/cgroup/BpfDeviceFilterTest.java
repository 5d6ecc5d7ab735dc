package org.jvirt.driver.qemu.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
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

    private static int attached(Path dir) throws Exception {
        return DeviceProbe.attachedPrograms(dir);
    }
}
