package org.jvirt.driver.qemu.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.jvirt.api.NodeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** virNodeGetInfo from sysfs and /proc: this host against lscpu, and fake trees for the rules. */
class HostNodeInfoReaderTest {

    @Test
    void thisHostAgreesWithLscpu() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lscpu")), "no lscpu");
        NodeInfo node = new HostNodeInfoReader(Path.of("/")).read("x86_64");
        Process p = new ProcessBuilder("/usr/bin/lscpu").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Map<String, String> l = new HashMap<>();
        for (String line : out.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                l.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
            }
        }
        System.out.println("nodeinfo of this host: " + node);
        int nodes = Integer.parseInt(l.getOrDefault("NUMA node(s)", "1"));
        assertEquals(Runtime.getRuntime().availableProcessors(), node.cpus());
        assertEquals(nodes, node.nodes());
        assertEquals(Integer.parseInt(l.get("Socket(s)")) / nodes, node.sockets());
        assertEquals(Integer.parseInt(l.get("Core(s) per socket")), node.cores());
        assertEquals(Integer.parseInt(l.get("Thread(s) per core")), node.threads());
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
        assertEquals("MemTotal:" + node.memoryKiB(), memTotal.replace(" ", "").replace("kB", ""));
        assertEquals("x86_64", node.model());
    }

    @Test
    void twoNodesOfTwoSocketsWithHyperThreads(@TempDir Path root) throws Exception {
        // 16 CPUs: node0 = sockets 0,1; node1 = sockets 2,3; 2 cores per socket, 2 threads per core
        fake(root, "0-15", "cpu MHz\t\t: 2893.204\n", 16, cpu -> cpu / 4, cpu -> (cpu / 2) % 2, "0-7", "8-15");
        assertEquals(new NodeInfo("x86_64", 8_000_000, 16, 2893, 2, 2, 2, 2),
                new HostNodeInfoReader(root).read("x86_64"));
    }

    @Test
    void anOfflineCpuMakesLibvirtsFlatFallback(@TempDir Path root) throws Exception {
        // 4 CPUs in one socket, 2 cores × 2 threads, CPU 3 offline: 1·1·2·2 != 3 online CPUs
        fake(root, "0-2", "cpu MHz : 1000\n", 4, cpu -> 0, cpu -> cpu / 2, "0-3");
        assertEquals(new NodeInfo("x86_64", 8_000_000, 3, 1000, 1, 1, 3, 1), new HostNodeInfoReader(root).read("x86_64"));
    }

    @Test
    void noNumaFolderIsOneNode(@TempDir Path root) throws Exception {
        fake(root, "0-3", "", 4, cpu -> 0, cpu -> cpu);
        assertEquals(new NodeInfo("x86_64", 8_000_000, 4, 0, 1, 1, 4, 1), new HostNodeInfoReader(root).read("x86_64"));
    }

    private static void fake(Path root, String online, String cpuinfo, int cpus,
                             IntUnaryOperator socket, IntUnaryOperator core,
                             String... nodeCpus) throws Exception {
        Path proc = Files.createDirectories(root.resolve("proc"));
        Files.writeString(proc.resolve("cpuinfo"), "processor\t: 0\n" + cpuinfo);
        Files.writeString(proc.resolve("meminfo"), "MemTotal:        8000000 kB\nMemFree: 1 kB\n");
        Path sys = Files.createDirectories(root.resolve("sys/devices/system"));
        Files.createDirectories(sys.resolve("cpu"));
        Files.writeString(sys.resolve("cpu/online"), online + "\n");
        for (int i = 0; i < cpus; i++) {
            Path t = Files.createDirectories(sys.resolve("cpu/cpu" + i + "/topology"));
            Files.writeString(t.resolve("physical_package_id"), socket.applyAsInt(i) + "\n");
            Files.writeString(t.resolve("core_id"), core.applyAsInt(i) + "\n");
        }
        for (int n = 0; n < nodeCpus.length; n++) {
            Path d = Files.createDirectories(sys.resolve("node/node" + n));
            Files.writeString(d.resolve("cpulist"), nodeCpus[n] + "\n");
        }
    }
}
