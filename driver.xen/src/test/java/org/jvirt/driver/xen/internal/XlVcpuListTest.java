package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;

/** {@code xl vcpu-list} as xl 4.17 prints it (tools/xl/xl_vcpu.c), affinities read by the project's Bitmap. */
class XlVcpuListTest {
    private static final String HEADER = "Name                                ID  VCPU   CPU State   Time(s) Affinity (Hard / Soft)\n";

    @Test
    void affinitiesInXlsWordsAndLists() throws Exception {
        String out = HEADER
                + "pv1                                  3     0    2   -b-       1.5  all / all\n"
                + "pv1                                  3     1    5   r--       0.5  0-3,6 / all\n"
                + "pv1                                  3     2    -   --p       0.0  none / all\n"
                + "pv1                                  3     3    1   -b-       2.0  any cpu / all\n";
        List<VcpuInfo> v = XlVcpuList.parse(out, 8);
        assertEquals(4, v.size());
        assertEquals(new VcpuInfo(0, VcpuState.BLOCKED, 1_500_000_000L, 2, bits(0, 1, 2, 3, 4, 5, 6, 7)), v.get(0));
        assertEquals(new VcpuInfo(1, VcpuState.RUNNING, 500_000_000L, 5, bits(0, 1, 2, 3, 6)), v.get(1));
        assertEquals(new VcpuInfo(2, VcpuState.OFFLINE, 0, -1, new BitSet()), v.get(2));
        assertEquals(bits(0, 1, 2, 3, 4, 5, 6, 7), v.get(3).affinity());
    }

    @Test
    void aLibvirtCpusetWithExclusionsAndBadText() throws Exception {
        assertEquals(bits(2, 4, 5), XlVcpuList.cpuList("2-5,^3", 8));
        VirtException bad = assertThrows(VirtException.class, () -> XlVcpuList.cpuList("0-x", 8));
        assertEquals(ErrorCode.INVALID_ARG, bad.code());
        VirtException fromXl = assertThrows(VirtException.class, () -> XlVcpuList.parse(HEADER
                + "pv1                                  3     0    2   -b-       1.5  0-3-4 / all\n", 8));
        assertEquals(ErrorCode.INTERNAL_ERROR, fromXl.code());
        assertEquals(ErrorDomain.LIBXL, fromXl.domain());
    }

    private static BitSet bits(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            b.set(c);
        }
        return b;
    }
}
