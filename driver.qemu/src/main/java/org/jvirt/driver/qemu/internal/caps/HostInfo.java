package org.jvirt.driver.qemu.internal.caps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What {@code virsh capabilities} says about the host.
 *
 * @param uuid      the host UUID (libvirt reads SMBIOS or generates one)
 * @param arch      the host architecture
 * @param vendor    the CPU vendor ({@code Intel}, {@code AMD}), or null
 * @param sockets   CPU sockets
 * @param cores     cores per socket
 * @param threads   threads per core
 * @param cpus      logical CPUs
 * @param memoryKib total memory in KiB
 * @param pageSizes supported page sizes in KiB, smallest first
 */
public record HostInfo(UUID uuid, String arch, String vendor, int sockets, int cores, int threads, int cpus,
                       long memoryKib, List<Long> pageSizes) {

    public HostInfo {
        pageSizes = List.copyOf(pageSizes);
    }

    /** Reads the running Linux host: /proc/cpuinfo, /proc/meminfo, /sys/kernel/mm/hugepages. */
    public static HostInfo probe(UUID uuid) throws IOException {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64")) {
            arch = "x86_64";
        }
        String vendor = null;
        Set<String> packages = new HashSet<>();
        Set<String> coresSeen = new HashSet<>();
        int cpus = 0;
        String pkg = "0";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String k = line.substring(0, colon).trim();
            String v = line.substring(colon + 1).trim();
            switch (k) {
                case "processor" -> cpus++;
                case "vendor_id" -> vendor = v.equals("GenuineIntel") ? "Intel" : v.equals("AuthenticAMD") ? "AMD" : v;
                case "physical id" -> {
                    pkg = v;
                    packages.add(v);
                }
                case "core id" -> coresSeen.add(pkg + ":" + v);
                default -> {
                }
            }
        }
        int sockets = Math.max(1, packages.size());
        int cores = Math.max(1, coresSeen.size() / sockets);
        int threads = Math.max(1, cpus / (sockets * cores));
        long mem = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                mem = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        List<Long> pages = new ArrayList<>(List.of(4L));
        Path huge = Path.of("/sys/kernel/mm/hugepages");
        if (Files.isDirectory(huge)) {
            try (var s = Files.list(huge)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hugepages-") && n.endsWith("kB"))
                        .map(n -> Long.parseLong(n.substring("hugepages-".length(), n.length() - 2)))
                        .sorted().forEach(pages::add);
            }
        }
        return new HostInfo(uuid, arch, vendor, sockets, cores, threads, Math.max(cpus, 1), mem, pages);
    }
}
