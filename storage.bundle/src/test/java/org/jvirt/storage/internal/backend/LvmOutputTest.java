package org.jvirt.storage.internal.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.Perms;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolEncryption;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/** LVM's reports read and LVM's command lines written as libvirt 9.0's logical backend does. */
class LvmOutputTest {
    /** The lines of libvirt's own comment in virStorageBackendLogicalFindLVs, plus an inactive LV, a thin pool and a sparse LV. */
    private static final String LVS = String.join("\n",
            "  RootLV##06UgP5-2rhb-w3Bo-3mdR-WeoL-pytO-SAa2ky#/dev/hda2(0)#linear#1#5234491392#33554432#5234491392#-wi-ao",
            "  SwapLV##oHviCK-8Ik0-paqS-V20c-nkhY-Bm1e-zgzU0M#/dev/hda2(156)#linear#1#1040187392#33554432#1040187392#-wi-ao",
            "  Test2##3pg3he-mQsA-5Sui-h0i6-HNmc-Cz7W-QSndcR#/dev/hda2(219)#linear#1#1073741824#33554432#1073741824#owi-a-",
            "  Test3##UB5hFw-kmlm-LSoX-EI1t-ioVd-h7GL-M0W8Ht#/dev/hda2(251)#linear#1#2181038080#33554432#2181038080#-wi-a-",
            "  Test3#Test2#UB5hFw-kmlm-LSoX-EI1t-ioVd-h7GL-M0W8Ht#/dev/hda2(187)#linear#1#1040187392#33554432#1040187392#swi-a-",
            "  test_stripes##fSLSZH-zAS2-yAIb-n4mV-Al9u-HA3V-oo9K1B#/dev/sdc1(10240),/dev/sdd1(0)#striped#2#42949672960#4194304#42949672960#-wi-a-",
            "  off##Q12m8p-uMw1-8bNd-QDzD-xjep-1Qdp-MzSUvu#/dev/loop0(0)#linear#1#8388608#4194304#8388608#-wi-------",
            "  pool0##abc#pool0_tdata(0)#thin-pool#1#8388608#4194304#8388608#twi-a-tz--",
            "  thin#[thin_vorigin]#xyz#/dev/loop0(2)#linear#1#4194304#4194304#10485760#swi-a-s---",
            "  WARNING: not a volume line");

    @Test
    void lvsKeepsActiveVolumesWithTheirExtents() throws VirtException {
        Map<String, LvmOutput.Lv> lvs = LvmOutput.lvs(LVS);
        assertEquals(List.of("RootLV", "SwapLV", "Test2", "Test3", "test_stripes", "thin"), List.copyOf(lvs.keySet()),
                "inactive LVs and thin pools are left out");
        LvmOutput.Lv root = lvs.get("RootLV");
        assertEquals("06UgP5-2rhb-w3Bo-3mdR-WeoL-pytO-SAa2ky", root.uuid());
        assertEquals(5234491392L, root.size());
        assertNull(root.origin());
        assertEquals(List.of(new LvmOutput.Extent("/dev/hda2", 0, 5234491392L)), root.extents());
        LvmOutput.Lv test3 = lvs.get("Test3");
        assertEquals(2, test3.extents().size(), "one volume on two lines: two extents");
        assertEquals(new LvmOutput.Extent("/dev/hda2", 187L * 33554432, 187L * 33554432 + 1040187392), test3.extents().get(1));
        assertEquals("Test2", test3.origin());
        assertEquals(List.of(new LvmOutput.Extent("/dev/sdc1", 10240L * 4194304, 10240L * 4194304 + 42949672960L),
                new LvmOutput.Extent("/dev/sdd1", 0, 42949672960L)), lvs.get("test_stripes").extents());
        LvmOutput.Lv thin = lvs.get("thin");
        assertTrue(thin.sparse());
        assertNull(thin.origin(), "the hidden [..._vorigin] of a sparse LV is no backing store");
        assertFalse(root.sparse());
    }

    @Test
    void vgsAndPvs() throws VirtException {
        DirBackend.Sizes s = LvmOutput.vgs("  10603200512:4328521728:\n");
        assertEquals(10603200512L, s.capacity());
        assertEquals(4328521728L, s.available());
        assertEquals(10603200512L - 4328521728L, s.allocation());
        assertThrows(VirtException.class, () -> LvmOutput.vgs("  Volume group \"x\" not found\n"));
        Map<String, List<String>> pvs = LvmOutput.pvs("  /dev/sdb\n  /dev/sdc VolGroup00\n  /dev/sdd VolGroup00\n  /dev/loop3 other\n");
        assertEquals(List.of("/dev/sdc", "/dev/sdd"), pvs.get("VolGroup00"));
        assertEquals(List.of("/dev/loop3"), pvs.get("other"));
        assertEquals(2, pvs.size(), "a PV in no group names none");
    }

    @Test
    void commandLines() throws VirtException {
        PoolDef pool = new PoolXml(new DomainXmlCodecImpl()).parse("<pool type='logical'><name>HostVG</name>"
                + "<source><device path='/dev/sdb1'/><device path='/dev/sdb2'/></source></pool>");
        LvmCommands lvm = new LvmCommands("");
        assertEquals(List.of("vgcreate", "HostVG", "/dev/sdb1", "/dev/sdb2"), lvm.vgcreate(pool));
        assertEquals(List.of("vgchange", "-aln", "HostVG"), lvm.change(pool, false));
        assertEquals(List.of("vgremove", "-f", "HostVG"), lvm.vgremove(pool));
        assertEquals("lvcreate --name v -L 1025K HostVG", String.join(" ", lvm.lvcreate(pool, vol(1048577, 1048577, null, null))));
        assertEquals("lvcreate --name v -L 512K --type snapshot --virtualsize 10240K HostVG",
                String.join(" ", lvm.lvcreate(pool, vol(10L << 20, 512 << 10, null, null))));
        assertEquals("lvcreate --name v -L 1K --type snapshot --virtualsize 1024K HostVG",
                String.join(" ", lvm.lvcreate(pool, vol(1 << 20, 0, null, null))), "an allocation of 0 is 1 byte");
        assertEquals("lvcreate --name v -L 1024K -s /dev/HostVG/base",
                String.join(" ", lvm.lvcreate(pool, vol(1 << 20, 1 << 20, "/dev/HostVG/base", null))));
        assertEquals("lvcreate --name v -L 3072K HostVG", String.join(" ", lvm.lvcreate(pool,
                vol(1 << 20, 1 << 20, null, new VolEncryption("luks", List.of(), null, null)))), "room for the LUKS header");
        assertEquals("lvs --separator # --noheadings --units b --unbuffered --nosuffix --options "
                + "lv_name,origin,uuid,devices,segtype,stripes,seg_size,vg_extent_size,size,lv_attr HostVG",
                String.join(" ", lvm.lvs(pool)));
        assertEquals("vgs --separator : --noheadings --units b --unbuffered --nosuffix --options vg_size,vg_free HostVG",
                String.join(" ", lvm.vgs(pool)));
    }

    private static VolDef vol(long capacity, long allocation, String backing, VolEncryption encryption) {
        return new VolDef("v", null, StorageVolType.BLOCK, capacity, true, allocation, true, "/dev/HostVG/v", null,
                Perms.NONE, null, false, 0, null, backing == null ? null : new VolDef.Backing(backing, null, Perms.NONE),
                encryption);
    }
}
