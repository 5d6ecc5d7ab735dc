package org.jvirt.driver.qemu.internal.command;

import java.util.BitSet;

/**
 * The host of libvirt's qemuxmlconftest (the test data README, "What the harness fakes"): NUMA
 * nodes 0-3, the time fixed at 1234567890 in {@code TZ=VIR00:30}, hugetlbfs mounted per page size,
 * {@code /dev/dri/foo}, {@code /dev/cdrom} as the only CD-ROM and the display ports it hands out.
 */
final class LibvirtHarnessHost implements CommandHost {
    private static final long ONE_GIB_IN_KIB = 1048576;

    @Override
    public long epochSeconds() {
        return 1234567890L;
    }

    /** {@code TZ=VIR00:30}: half an hour west of UTC. */
    @Override
    public long utcOffsetSeconds(long epochSeconds) {
        return -1800;
    }

    @Override
    public BitSet numaNodes() {
        return CpuSets.parse("0-3");
    }

    @Override
    public String hugepagesMount(long pageKib) {
        return pageKib >= ONE_GIB_IN_KIB ? "/dev/hugepages1G" : "/dev/hugepages2M";
    }

    @Override
    public long defaultHugepageKib() {
        return 2048;
    }

    @Override
    public String drmRenderNode() {
        return "/dev/dri/foo";
    }

    @Override
    public boolean isCdrom(String path) {
        return "/dev/cdrom".equals(path);
    }

    @Override
    public int vncPort() {
        return 5900;
    }

    @Override
    public int spicePort() {
        return 5901;
    }
}
