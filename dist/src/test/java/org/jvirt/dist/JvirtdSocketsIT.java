package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/jvirtd} with no {@code .cfg} at all serves real virsh on libvirt's two UNIX sockets in
 * its run directory (a short temporary folder here, {@code JVIRTD_RUN}; never the real
 * {@code /run/jvirt}): {@code libvirt-sock} 0700, {@code libvirt-sock-ro} 0777 refusing state
 * changes; and {@code vcpuinfo}/{@code vcpupin} of shut-off guests answer from the definition, for
 * the test driver exactly as real virsh on libvirt's own test driver, for QEMU as libvirt's QEMU
 * driver (virDomainGetVcpuPinInfo with VIR_DOMAIN_AFFECT_CONFIG).
 */
class JvirtdSocketsIT {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static Path work;
    private static Path run;
    private static Process jvirtd;

    @BeforeAll
    static void startJvirtdWithoutConfiguration() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/virsh")), "no virsh");
        Path home = Path.of(Commands.property("jvirt.dist.home"));
        work = Files.createDirectories(Path.of(Commands.property("jvirt.work")).resolve("sockets-" + System.nanoTime()));
        Path etc = Files.createDirectories(work.resolve("etc"));
        // mode 0755 as /run/jvirt: guests of qemu:///system run as libvirt-qemu (DAC) and reach their files through it
        run = Files.createTempDirectory("jvirtd-run-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", home.resolve("bin/jvirtd").toString()))
                .directory(home.toFile())
                .redirectOutput(work.resolve("jvirtd.out").toFile()).redirectError(work.resolve("jvirtd.err").toFile());
        pb.environment().putAll(Map.of("JVIRTD_CONSOLE", "no", "JVIRTD_VAR", work.resolve("var").toString(),
                "JVIRTD_ETC", etc.toString(), "JVIRTD_RUN", run.toString()));
        jvirtd = pb.start();
        long deadline = System.currentTimeMillis() + 90_000;
        Commands.Result list = null;
        while (System.currentTimeMillis() < deadline && jvirtd.isAlive()) {
            if (Files.exists(rw()) && Files.exists(ro())) {
                list = virsh(rw(), "test", "list --all");
                if (list.exitCode() == 0) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        assertTrue(list != null && list.exitCode() == 0, "jvirtd does not serve " + rw() + ": " + list + "\n"
                + Files.readString(work.resolve("jvirtd.err")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jvirtd != null) {
            assertTrue(Commands.stop(jvirtd.toHandle(), 30), "bin/jvirtd did not end after SIGTERM");
            assertEquals(0, jvirtd.waitFor(), "exit status after SIGTERM");
            assertTrue(!Files.exists(rw()) && !Files.exists(ro()), "the sockets are removed at stop");
        }
        Commands.deleteTree(run);
    }

    private static Path rw() {
        return run.resolve("libvirt-sock");
    }

    private static Path ro() {
        return run.resolve("libvirt-sock-ro");
    }

    /** Real virsh on {@code socket} with {@code driver}'s URI ({@code test}: test:///default, {@code qemu}: qemu:///system). */
    private static Commands.Result virsh(Path socket, String driver, String commands) throws Exception {
        String uri = driver.equals("test") ? "test+unix:///default" : "qemu+unix:///system";
        return Commands.run(work, Map.of(), "", 60, List.of("virsh", "-c", uri + "?socket=" + socket, commands));
    }

    @Test
    void theSocketsHaveLibvirtdsModesAndServeVirsh() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rw())));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(ro())));
        String expected = VirshReference.listAll();
        assertEquals(expected, virsh(rw(), "test", "list --all").stdout());
        assertEquals(expected, virsh(ro(), "test", "list --all").stdout(), "the read-only socket answers reads");
        try (Stream<Path> s = Files.list(run)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")),
                    "no private folder left from binding the sockets");
        }
    }

    @Test
    void theReadOnlySocketRefusesADefine() throws Exception {
        Path xml = work.resolve("ro-guest.xml");
        Files.writeString(xml, "<domain type='test'><name>rofused</name><memory>65536</memory>"
                + "<os><type>hvm</type></os></domain>");
        Commands.Result define = virsh(ro(), "test", "define " + xml);
        assertEquals(1, define.exitCode(), define.toString());
        assertEquals("error: Failed to define domain from " + xml + "\n"
                + "error: operation forbidden: read only access prevents virDomainDefineXML\n", define.stderr());
        Commands.Result lookup = virsh(rw(), "test", "dominfo rofused");
        assertNotEquals(0, lookup.exitCode(), "nothing was defined: " + lookup);
    }

    @Test
    void shutOffTestGuestsAnswerVcpuinfoAndVcpupinAsLibvirtsTestDriver() throws Exception {
        Path xml = work.resolve("offg.xml");
        Files.writeString(xml, """
                <domain type='test'>
                  <name>offg</name>
                  <memory unit='KiB'>65536</memory>
                  <vcpu placement='static'>3</vcpu>
                  <cputune>
                    <vcpupin vcpu='1' cpuset='0'/>
                  </cputune>
                  <os><type arch='x86_64'>hvm</type></os>
                </domain>
                """);
        String commands = "define " + xml + "; vcpuinfo offg; vcpuinfo offg --pretty; vcpupin offg; "
                + "vcpupin offg --config; vcpupin offg 2 0 --config; vcpupin offg 2 0; vcpupin offg --live; undefine offg";
        Commands.Result libvirt = Commands.run(work, Map.of(), "", 60, List.of("virsh", "-c", "test:///default", commands));
        Commands.Result jvirt = virsh(rw(), "test", commands);
        assertTrue(libvirt.stdout().contains("CPU:            N/A"), libvirt.stdout());
        // virsh draws one affinity column per CPU of virNodeGetCPUMap: libvirt's test driver answers
        // a fixed 8, jvirt's its node info's CPUs (16); the pinning itself must be the same
        assertEquals(byNodeCpus(libvirt.stdout(), 8), byNodeCpus(jvirt.stdout(), nodeCpus(rw())));
        assertEquals(libvirt.stderr(), jvirt.stderr());
        assertEquals(libvirt.exitCode(), jvirt.exitCode());
    }

    @Test
    void shutOffQemuGuestsAnswerVcpuinfoAndVcpupinFromTheirDefinition() throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "no " + QEMU);
        Path xml = work.resolve("offq.xml");
        Files.writeString(xml, """
                <domain type='qemu'>
                  <name>offq</name>
                  <memory unit='KiB'>65536</memory>
                  <vcpu placement='static'>3</vcpu>
                  <cputune>
                    <vcpupin vcpu='1' cpuset='0'/>
                  </cputune>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>%s</emulator></devices>
                </domain>
                """.formatted(QEMU));
        Commands.Result define = virsh(rw(), "qemu", "define " + xml);
        assertEquals(0, define.exitCode(), define.toString());
        try {
            Commands.Result info = virsh(rw(), "qemu", "vcpuinfo offq");
            assertEquals(0, info.exitCode(), info.toString());
            // virsh prints one mask character per host CPU: as many as vCPU 0 (unpinned) shows
            String first = info.stdout().lines().filter(l -> l.startsWith("CPU Affinity:")).findFirst().orElseThrow();
            int cpus = first.substring("CPU Affinity:   ".length()).length();
            String all = "y".repeat(cpus);
            String cpu0 = "y" + "-".repeat(cpus - 1);
            assertEquals(inactiveVcpuinfo(all, cpu0, all), info.stdout());

            Commands.Result pin = virsh(rw(), "qemu", "vcpupin offq 2 0 --config; vcpupin offq; vcpuinfo offq");
            assertEquals(0, pin.exitCode(), pin.toString());
            String range = cpus == 1 ? "0" : "0-" + (cpus - 1);
            assertEquals("\n" + " VCPU   CPU Affinity\n----------------------\n"
                    + " 0      " + range + "\n 1      0\n 2      0\n\n" + inactiveVcpuinfo(all, cpu0, cpu0), pin.stdout());
            String inactive = virsh(rw(), "qemu", "dumpxml --inactive offq").stdout();
            assertTrue(inactive.contains("<vcpupin vcpu='1' cpuset='0'/>\n    <vcpupin vcpu='2' cpuset='0'/>"), inactive);

            Commands.Result live = virsh(rw(), "qemu", "vcpupin offq 0 0 --live");
            assertEquals("error: Requested operation is not valid: domain is not running\n", live.stderr());

            // the guest starts wherever jvirtd's state lies (the old <state>/qemu/run/system/<uuid>.qmp passed
            // 107 bytes in a checkout 55 characters deep): its monitor is in the short run directory, named
            // as libvirt names it
            Commands.Result start = virsh(rw(), "qemu", "start offq");
            assertEquals(0, start.exitCode(), start.toString());
            String id = virsh(rw(), "qemu", "domid offq").stdout().strip();
            Path monitor = run.resolve("qemu/system/domain-" + id + "-offq/monitor.sock");
            assertTrue(Files.exists(monitor), monitor + " while the guest runs");
            assertEquals("running\n\n", virsh(rw(), "qemu", "domstate offq").stdout());
            assertEquals(0, virsh(rw(), "qemu", "destroy offq").exitCode());
            assertTrue(!Files.exists(monitor.getParent()), "the guest's run folder is removed when it stops");
        } finally {
            virsh(rw(), "qemu", "destroy offq");
            virsh(rw(), "qemu", "undefine offq");
        }
    }

    /** The CPU count virsh sizes affinity maps with, from {@code virsh nodeinfo}. */
    private static int nodeCpus(Path socket) throws Exception {
        String info = virsh(socket, "test", "nodeinfo").stdout();
        return Integer.parseInt(info.lines().filter(l -> l.startsWith("CPU(s):")).findFirst().orElseThrow()
                .replaceAll("\\D", ""));
    }

    /** {@code out} with the affinity of all {@code cpus} CPUs, and of CPU 0 alone, written as words. */
    private static String byNodeCpus(String out, int cpus) {
        return out.replace("y".repeat(cpus), "<all>").replace("y" + "-".repeat(cpus - 1), "<cpu 0>")
                .replace("0-" + (cpus - 1) + " (out of " + cpus + ")", "<all>").replace(" (out of " + cpus + ")", "")
                .replaceAll("(?m)^( \\d      )0-" + (cpus - 1) + "$", "$1<all>");
    }

    /** What virsh's vcpuinfo prints for a shut-off domain (virshVcpuinfoInactive), then virsh's empty line. */
    private static String inactiveVcpuinfo(String... masks) {
        List<String> blocks = new ArrayList<>();
        for (int v = 0; v < masks.length; v++) {
            blocks.add("VCPU:           " + v + "\nCPU:            N/A\nState:          N/A\nCPU time        N/A\n"
                    + "CPU Affinity:   " + masks[v] + "\n");
        }
        return String.join("\n", blocks) + "\n";
    }
}
