package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;
import org.jvirt.rpc.internal.testkit.QemuHosts;

/**
 * Real virsh through jvirtd on a real TCG guest of the QEMU driver with an {@code <interface type='direct'>}
 * on a veth end of a network namespace this test creates and removes (with its links): the macvtap on the
 * host while the guest runs, {@code domiflist}, {@code dumpxml} and {@code domstats} showing it as libvirt's,
 * and the macvtap gone after {@code destroy}; a missing link comes back with libvirt's error text.
 * {@code domifstat} reads the macvtap's counters as the guest's own (unswapped, as libvirt's), by name or MAC,
 * with libvirt's errors for a shut-off guest and an unknown interface.
 */
class VirshQemuDirectTest {
    private static final String MAC = "52:54:00:de:d1:01";

    @TempDir
    Path dir;
    private String ns;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuHosts.qemuInstalled(), "qemu-system-x86_64 is not installed");
        assumeTrue(HostDirectories.isRoot(), "network namespaces need root");
        ns = "jvt-dir-" + UUID.randomUUID().toString().substring(0, 8);
        Result add = Proc.run(List.of("ip", "netns", "add", ns), Map.of(), 30);
        assumeTrue(add.exit() == 0, "cannot create a network namespace: " + add.err());
        ok(inNs("ip", "link", "add", "jvl0", "type", "veth", "peer", "name", "jvp0"));
        ok(inNs("ip", "link", "set", "jvl0", "up"));
    }

    @AfterEach
    void stop() throws Exception {
        if (ns != null) {
            Proc.run(List.of("ip", "netns", "del", ns), Map.of(), 30); // the veth pair goes with it
        }
    }

    private Result inNs(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, Map.of(), 30);
    }

    private static Result ok(Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static String guest(String name, String link) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><interface type='direct'>"
                + "<mac address='" + MAC + "'/><source dev='" + link + "' mode='bridge'/><model type='virtio'/>"
                + "</interface></devices></domain>";
    }

    @Test
    void virshStartsShowsAndDestroysAGuestOnAMacvtap() throws Exception {
        Path xml = Files.writeString(dir.resolve("g.xml"), guest("dirq", "jvl0"));
        Path missing = Files.writeString(dir.resolve("m.xml"), guest("dirm", "jvnosuch"));
        Map<String, Object> settings = Map.of("user", "root", "group", "root",
                "command_prefix", new String[] {"ip", "netns", "exec", ns});
        try (QemuHosts q = new QemuHosts(dir, settings); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            ok(Proc.virsh(uri, "define", xml.toString()));
            ok(Proc.virsh(uri, "start", "dirq"));
            long pid;
            try (Stream<Path> st = Files.list(dir.resolve("run/system"))) {
                Path pidFile = st.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst().orElseThrow();
                pid = Long.parseLong(Files.readString(pidFile).strip());
            }
            try {
                String link = ok(inNs("ip", "-d", "-o", "link", "show", "dev", "macvtap0")).out();
                assertTrue(link.contains("macvtap0@jvl0:") && link.contains("link/ether " + MAC)
                        && link.contains("macvtap mode bridge"), link);
                String list = ok(Proc.virsh(uri, "domiflist", "dirq")).out();
                assertTrue(list.matches("(?s).*\\n macvtap0\\s+direct\\s+jvl0\\s+virtio\\s+" + MAC + "\\s*\\n.*"), list);
                String dump = ok(Proc.virsh(uri, "dumpxml", "dirq")).out();
                assertTrue(dump.contains("<source dev='jvl0' mode='bridge'/>") && dump.contains("<target dev='macvtap0'/>"),
                        dump);
                String stats = ok(Proc.virsh(uri, "domstats", "--interface", "dirq")).out();
                assertTrue(stats.contains("net.count=1") && stats.contains("net.0.name=macvtap0"), stats);

                Result bad = Proc.virsh(uri, "create", missing.toString());
                assertEquals(1, bad.exit());
                assertTrue(bad.err().contains("Unable to get index for interface jvnosuch: No such device"), bad.err());

                assertEquals("Domain 'dirq' destroyed", ok(Proc.virsh(uri, "destroy", "dirq")).out().strip());
                assertNotEquals(0, inNs("ip", "link", "show", "dev", "macvtap0").exit(), "macvtap gone");
                assertTrue(ok(Proc.virsh(uri, "dumpxml", "dirq")).out().contains("<source dev='jvl0' mode='bridge'/>"));
            } finally {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                        && Proc.virsh(uri, "destroy", "dirq").exit() != 0) {
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
                }
                Proc.virsh(uri, "undefine", "dirq");
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "QEMU " + pid + " stopped");
        }
    }
    @Test
    void domifstatCountsTheFramesTheGuestReceivesOnItsMacvtap() throws Exception {
        Path xml = Files.writeString(dir.resolve("s.xml"), guest("dstat", "jvl0"));
        Map<String, Object> settings = Map.of("user", "root", "group", "root",
                "command_prefix", new String[] {"ip", "netns", "exec", ns});
        try (QemuHosts q = new QemuHosts(dir, settings); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            ok(Proc.virsh(uri, "define", xml.toString()));
            try {
                Result off = Proc.virsh(uri, "domifstat", "dstat", "macvtap0");
                assertEquals(1, off.exit());
                assertTrue(off.err().contains("error: Failed to get interface stats dstat macvtap0\n"
                        + "error: Requested operation is not valid: domain is not running"), off.err());
                ok(Proc.virsh(uri, "start", "dstat"));
                // 50 frames for the guest's MAC over the link: the macvtap's receive, the guest's own
                ok(inNs("ip", "link", "set", "jvp0", "up"));
                ok(inNs("python3", "-c", "import socket\ns = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
                        + "s.bind(('jvp0', 0))\nfor i in range(50):\n"
                        + "    s.send(bytes.fromhex('" + MAC.replace(":", "") + "aabbccddeeff88b5') + bytes(50))\n"));
                Map<String, Long> byName = domifstat(uri, "macvtap0");
                assertTrue(byName.get("rx_packets") >= 50 && byName.get("rx_bytes") >= 50 * 64
                        && byName.get("tx_packets") < 50, byName.toString());
                assertEquals(List.of("rx_bytes", "rx_packets", "rx_errs", "rx_drop", "tx_bytes", "tx_packets",
                        "tx_errs", "tx_drop"), List.copyOf(byName.keySet()));
                Map<String, Long> byMac = domifstat(uri, MAC.toUpperCase());
                assertTrue(byMac.get("rx_packets") >= byName.get("rx_packets"), byName + " then " + byMac);

                Result missing = Proc.virsh(uri, "domifstat", "dstat", "vnet9");
                assertEquals(1, missing.exit());
                assertTrue(missing.err().contains("error: invalid argument: 'vnet9' is not a known interface"),
                        missing.err());
                ok(Proc.virsh(uri, "destroy", "dstat"));
            } finally {
                Proc.virsh(uri, "destroy", "dstat");
                Proc.virsh(uri, "undefine", "dstat");
            }
        }
    }

    /** virsh domifstat's lines "DEVICE FIELD VALUE", in its order. */
    private Map<String, Long> domifstat(String uri, String device) throws Exception {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (String line : ok(Proc.virsh(uri, "domifstat", "dstat", device)).out().strip().split("\n")) {
            String[] f = line.split(" ");
            assertEquals(3, f.length, line);
            assertEquals(device, f[0], line);
            out.put(f[1], Long.parseLong(f[2]));
        }
        return out;
    }
}
