package org.jvirt.driver.qemu.internal.hotplug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** Numbers of new block nodes: never one the definition or QEMU's block layer still uses. */
class NodeIndexesTest {
    private static final String TWO_DISKS = "<domain type='qemu'><name>n</name><memory>65536</memory>"
            + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
            + "<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>"
            + "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>"
            + "</devices></domain>";

    @Test
    void startNumbersFromTheLastDiskAndNewNodesGoAbove() throws Exception {
        DomainDef live = NodeIndexes.numbered(new DomainXmlCodecImpl().parse(TWO_DISKS, 0));
        // the start numbered vda 2 (the empty cdrom 1 has no node): a new node is 3
        assertEquals(2, live.devices().disks().get(0).source().index());
        assertEquals(3, NodeIndexes.next(live, List.of()));
        assertEquals(3, NodeIndexes.next(live, List.of("libvirt-2-storage", "libvirt-2-format")));
    }

    @Test
    void nodesLeftInQemuAreNotReused() throws Exception {
        DomainDef live = NodeIndexes.numbered(new DomainXmlCodecImpl().parse(TWO_DISKS, 0));
        // a removed disk whose nodes QEMU still has (a failed blockdev-del) keeps its number taken
        assertEquals(4, NodeIndexes.next(live, List.of("libvirt-2-storage", "libvirt-3-storage")));
        assertEquals(8, NodeIndexes.next(live, List.of("libvirt-7-format", "#block123", "libvirt-x-storage")));
    }
}
