package org.jvirt.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** libvirt's virDiskNameToIndex and virIndexToDiskName, as its virutiltest checks them. */
class DiskNamesTest {
    @Test
    void indexesOfTargetNames() {
        assertEquals(0, DiskNames.index("hda"));
        assertEquals(1, DiskNames.index("sdb"));
        assertEquals(25, DiskNames.index("vdz"));
        assertEquals(26, DiskNames.index("sdaa"));
        assertEquals(701, DiskNames.index("xvdzz"));
        assertEquals(702, DiskNames.index("ubdaaa"));
        assertEquals(1, DiskNames.index("fdb"));
        // a partition number is allowed and ignored
        assertEquals(0, DiskNames.index("sda1"));
        assertEquals(27, DiskNames.index("vdab12"));
    }

    @Test
    void namesThatAreNoDiskNames() {
        assertEquals(-1, DiskNames.index(null));
        assertEquals(-1, DiskNames.index(""));
        assertEquals(-1, DiskNames.index("sd"));
        assertEquals(-1, DiskNames.index("sd1"));
        assertEquals(-1, DiskNames.index("nvme0n1"));
        assertEquals(-1, DiskNames.index("sda-1"));
        assertEquals(-1, DiskNames.index("sdA"));
        assertEquals(-1, DiskNames.index("sdzzzzzzzzzzzz"));   // beyond an int
    }

    @Test
    void namesOfIndexesRoundTrip() {
        assertEquals("sda", DiskNames.name(0, "sd"));
        assertEquals("hdz", DiskNames.name(25, "hd"));
        assertEquals("vdaa", DiskNames.name(26, "vd"));
        assertEquals("xvdzz", DiskNames.name(701, "xvd"));
        assertEquals("sdaaa", DiskNames.name(702, "sd"));
        for (int i = 0; i < 20000; i += 7) {
            assertEquals(i, DiskNames.index(DiskNames.name(i, "vd")));
        }
    }
}
