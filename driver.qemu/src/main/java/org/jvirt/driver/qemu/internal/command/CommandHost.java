package org.jvirt.driver.qemu.internal.command;

import java.util.BitSet;

/**
 * What the command line needs to know about the host the guest will run on. {@link LinuxCommandHost}
 * reads this host; the conformance tests answer with the fixed values of libvirt's harness.
 */
public interface CommandHost {

    /** Now, in seconds since the epoch: {@code <clock offset='variable'>} counts from it. */
    long epochSeconds();

    /** The local time zone's offset from UTC at {@code epochSeconds}, in seconds. */
    long utcOffsetSeconds(long epochSeconds);

    /** The host's online NUMA nodes. */
    BitSet numaNodes();

    /** The hugetlbfs mount for pages of {@code pageKib}. */
    String hugepagesMount(long pageKib);

    /** The default hugepage size in KiB. */
    long defaultHugepageKib();

    /** The DRM render node for OpenGL graphics that name none. */
    String drmRenderNode();

    /** Whether the block device at {@code path} is a CD-ROM drive (QEMU's {@code host_cdrom}). */
    boolean isCdrom(String path);

    /** A port for a VNC display with {@code autoport='yes'}. */
    int vncPort();

    /** A port for a SPICE display with {@code autoport='yes'}. */
    int spicePort();
}
