package org.jvirt.driver.qemu.internal.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.NodeInfo;

/**
 * {@code virNodeGetInfo} on Linux, as libvirt's virHostCPUGetInfoPopulateLinux computes it: the
 * online CPUs, the NUMA nodes from sysfs, per node the sockets, the cores per socket and the
 * threads per core (each the largest seen), the frequency from {@code /proc/cpuinfo} and the memory
 * from {@code /proc/meminfo}. When the topology does not multiply up to the online CPUs (offline
 * CPUs, odd hypervisors) libvirt reports one node, one socket, one thread and all CPUs as cores.
 */
public final class HostNodeInfoReader {
    private final Path proc;
    private final Path sys;

    /** @param root {@code /} on a real host; a fake tree in tests */
    public HostNodeInfoReader(Path root) {
        this.proc = root.resolve("proc");
        this.sys = root.resolve("sys/devices/system");
    }

    public NodeInfo read(String arch) throws IOException {
        BitSet online = CpuRange.parse(Files.readString(sys.resolve("cpu/online")).strip());
        List<BitSet> nodes = nodes(online);
        int sockets = 1;
        int cores = 1;
        int threads = 1;
        for (BitSet node : nodes) {
            Map<String, Set<String>> coresPerSocket = new HashMap<>();
            Map<String, Integer> threadsPerCore = new HashMap<>();
            for (int cpu = node.nextSetBit(0); cpu >= 0; cpu = node.nextSetBit(cpu + 1)) {
                Path topo = sys.resolve("cpu/cpu" + cpu + "/topology");
                String socket = read(topo.resolve("physical_package_id"), "0");
                String core = read(topo.resolve("core_id"), Integer.toString(cpu));
                coresPerSocket.computeIfAbsent(socket, s -> new HashSet<>()).add(core);
                threadsPerCore.merge(socket + ":" + core, 1, Integer::sum);
            }
            sockets = Math.max(sockets, coresPerSocket.size());
            for (Set<String> c : coresPerSocket.values()) {
                cores = Math.max(cores, c.size());
            }
            for (int t : threadsPerCore.values()) {
                threads = Math.max(threads, t);
            }
        }
        int cpus = online.cardinality();
        int nodeCount = Math.max(1, nodes.size());
        if (nodeCount * sockets * cores * threads != cpus) {
            nodeCount = 1;
            sockets = 1;
            cores = cpus;
            threads = 1;
        }
        return new NodeInfo(arch, memTotalKib(), cpus, mhz(), nodeCount, sockets, cores, threads);
    }

    /** The online CPUs of each NUMA node; one node with every online CPU when sysfs has none. */
    private List<BitSet> nodes(BitSet online) throws IOException {
        List<BitSet> out = new ArrayList<>();
        Path nodeDir = sys.resolve("node");
        if (Files.isDirectory(nodeDir)) {
            try (var s = Files.list(nodeDir)) {
                for (Path n : s.filter(p -> p.getFileName().toString().matches("node[0-9]+")).sorted().toList()) {
                    BitSet cpus = CpuRange.parse(read(n.resolve("cpulist"), ""));
                    cpus.and(online);
                    if (!cpus.isEmpty()) {
                        out.add(cpus);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add((BitSet) online.clone());
        }
        return out;
    }

    private int mhz() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("cpuinfo"))) {
            if (line.startsWith("cpu MHz")) {
                String v = line.substring(line.indexOf(':') + 1).strip();
                return (int) Double.parseDouble(v);
            }
        }
        return 0;
    }

    private long memTotalKib() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no MemTotal in " + proc.resolve("meminfo"));
    }

    private static String read(Path p, String dflt) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p).strip() : dflt;
    }
}
