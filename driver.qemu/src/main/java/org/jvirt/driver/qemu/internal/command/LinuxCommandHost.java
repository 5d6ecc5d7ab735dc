package org.jvirt.driver.qemu.internal.command;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** This Linux host, read from sysfs, procfs, {@code /dev} and the system clock. */
public final class LinuxCommandHost implements CommandHost {
    /** libvirt's remote_display_port_min. */
    private static final int FIRST_DISPLAY_PORT = 5900;
    private static final long ONE_GIB_IN_KIB = 1048576;
    /** x86's usual default when /proc/meminfo does not say. */
    private static final long DEFAULT_HUGEPAGE_KIB = 2048;

    @Override
    public long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public long utcOffsetSeconds(long epochSeconds) {
        return ZoneId.systemDefault().getRules().getOffset(Instant.ofEpochSecond(epochSeconds)).getTotalSeconds();
    }

    @Override
    public BitSet numaNodes() {
        try {
            return CpuSets.parse(Files.readString(Path.of("/sys/devices/system/node/online")).trim());
        } catch (IOException | RuntimeException e) {
            // no NUMA support in the kernel: the whole machine is node 0
            return CpuSets.parse("0");
        }
    }

    @Override
    public String hugepagesMount(long pageKib) {
        return pageKib >= ONE_GIB_IN_KIB ? "/dev/hugepages1G" : "/dev/hugepages";
    }

    /** {@code Hugepagesize} of /proc/meminfo, as libvirt's virFileGetDefaultHugepageSize. */
    @Override
    public long defaultHugepageKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("Hugepagesize:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the usual size
        }
        return DEFAULT_HUGEPAGE_KIB;
    }

    /** The first {@code /dev/dri/renderD*} node, as libvirt's virHostGetDRMRenderNode. */
    @Override
    public String drmRenderNode() {
        try (Stream<Path> nodes = Files.list(Path.of("/dev/dri"))) {
            List<String> render = nodes.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("renderD"))
                    .sorted().toList();
            if (!render.isEmpty()) {
                return "/dev/dri/" + render.get(0);
            }
        } catch (IOException e) {
            // no DRM devices: name the usual first node, QEMU reports it missing
        }
        return "/dev/dri/renderD128";
    }

    @Override
    public boolean isCdrom(String path) {
        return path != null && (path.equals("/dev/cdrom") || path.startsWith("/dev/sr"));
    }

    @Override
    public int vncPort() {
        return firstFreePort();
    }

    @Override
    public int spicePort() {
        return firstFreePort();
    }

    /** The first port from 5900 up that can be bound. */
    private static int firstFreePort() {
        for (int port = FIRST_DISPLAY_PORT; port < 65536; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException e) {
                // taken, try the next one
            }
        }
        return FIRST_DISPLAY_PORT;
    }
}
