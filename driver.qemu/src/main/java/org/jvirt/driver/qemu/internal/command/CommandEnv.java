package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a domain's runtime files live and how QEMU gets its file descriptors. libvirt's test
 * harness passes pre-opened descriptors (the monitor is fd 1729); a real start passes paths.
 *
 * @param libDir         libvirt's per-driver state ({@code /var/lib/libvirt/qemu}); the domain
 *                       directory {@code domain-<id>-<name>} lives under it
 * @param channelDir     the directory of automatic channel sockets
 * @param passFds        true to print libvirt's fake descriptor numbers (tests), false for paths
 * @param monitorPath    the QMP socket path when {@code passFds} is false, or null to put it in
 *                       the domain directory
 * @param baseEnv        PATH, USER, LOGNAME and other variables passed through
 * @param epochSeconds   "now" for clock offsets (libvirt's tests fix it at 1234567890)
 */
public record CommandEnv(String libDir, String channelDir, boolean passFds, String monitorPath,
                         Map<String, String> baseEnv, long epochSeconds) {

    /** libvirt's qemuxmlconftest environment (see the test data README). */
    public static CommandEnv testEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/bin");
        env.put("USER", "test");
        env.put("LOGNAME", "test");
        return new CommandEnv("/var/lib/libvirt/qemu", "/var/run/libvirt/qemu/channel", true, null, env,
                1234567890L);
    }

    /** A real environment rooted at {@code libDir}, with PATH, USER and LOGNAME of this process. */
    public static CommandEnv real(String libDir, String channelDir, String monitorPath) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : new String[] {"PATH", "USER", "LOGNAME"}) {
            String v = System.getenv(k);
            if (v != null) {
                env.put(k, v);
            }
        }
        return new CommandEnv(libDir, channelDir, false, monitorPath, env, System.currentTimeMillis() / 1000);
    }

    /**
     * Whether a block device is a host CD-ROM drive (QEMU's host_cdrom driver). libvirt asks the
     * kernel; the test environment fakes {@code /dev/cdrom} as the only one.
     */
    public boolean isHostCdrom(String path) {
        if (path == null) {
            return false;
        }
        if (passFds) {
            return path.equals("/dev/cdrom");
        }
        return path.equals("/dev/cdrom") || path.startsWith("/dev/sr");
    }

    /**
     * A VNC port for {@code autoport='yes'}: the first that can be bound from 5900 up (libvirt's
     * remote_display_port_min); the test environment always gets 5900.
     */
    public int vncPort() {
        if (passFds) {
            return 5900;
        }
        for (int port = 5900; port < 65536; port++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (java.io.IOException e) {
                // taken, try the next one
            }
        }
        return 5900;
    }

    /** A copy with one more inherited environment variable (libvirt passes some through, e.g. PipeWire's). */
    public CommandEnv withInherited(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(baseEnv);
        env.put(name, value);
        return new CommandEnv(libDir, channelDir, passFds, monitorPath, env, epochSeconds);
    }

    /** The local time zone's offset from UTC in seconds (the test harness runs with TZ=VIR00:30). */
    public long localOffsetSeconds() {
        if (passFds) {
            return -1800;
        }
        return java.time.ZoneId.systemDefault().getRules().getOffset(java.time.Instant.ofEpochSecond(epochSeconds))
                .getTotalSeconds();
    }

    /** The host's NUMA nodes (libvirt's test host has nodes 0-3). */
    public java.util.BitSet hostNumaNodes() {
        if (passFds) {
            return CpuSets.parse("0-3");
        }
        try {
            return CpuSets.parse(java.nio.file.Files.readString(
                    java.nio.file.Path.of("/sys/devices/system/node/online")).trim());
        } catch (java.io.IOException | RuntimeException e) {
            return CpuSets.parse("0");
        }
    }

    /** The hugetlbfs mount for a page size (libvirt's test setup mounts 2M and 1G pages separately). */
    public String hugepagesDir(long pageKib) {
        if (passFds) {
            return pageKib >= 1048576 ? "/dev/hugepages1G" : "/dev/hugepages2M";
        }
        return pageKib >= 1048576 ? "/dev/hugepages1G" : "/dev/hugepages";
    }

    /** The default hugepage size in KiB. */
    public long defaultHugepageKib() {
        return 2048;
    }

    /** Where file-backed guest RAM lives ({@code memory_backing_dir}). */
    public String memoryDir() {
        return libDir + "/ram";
    }

    /** {@code domain-<id>-<name>}, the name cut to 20 characters (virDomainDefGetShortName). */
    public String domainDir(int id, String name) {
        String shortName = name.length() > 20 ? name.substring(0, 20) : name;
        return libDir + "/domain-" + id + "-" + shortName;
    }
}
