package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.jvirt.testing.NetworkedLinuxGuest;

/**
 * {@code virsh attach-interface --type direct} and {@code detach-interface} against jvirtd with a real
 * Linux guest (virtio-net, TCG), its QEMU and links in a network namespace this test creates, the host
 * link one end of a veth pair (this kernel has no dummy driver): the guest gets a NIC on a macvtap of the
 * link, with its MAC and libvirt's default mode, answers pings from the pair's far end, and loses it again;
 * the macvtap goes with it.
 */
class VirshDirectHotplugLinuxTest {
    private static final String MAC = "52:54:00:00:c7:21"; // the guest takes 192.168.199.33

    @TempDir
    Path dir;
    private String ns;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuHosts.qemuInstalled(), "qemu-system-x86_64 is not installed");
        assumeTrue(HostDirectories.isRoot(), "network namespaces need root");
        ns = "jvt-dhp-" + UUID.randomUUID().toString().substring(0, 8);
        Result add = Proc.run(List.of("ip", "netns", "add", ns), Map.of(), 30);
        assumeTrue(add.exit() == 0, "cannot create a network namespace: " + add.err());
        ok(inNs("ip", "link", "add", "jvdl0", "type", "veth", "peer", "name", "jvdp0"));
        ok(inNs("ip", "addr", "add", "192.168.199.1/24", "dev", "jvdp0"));
        ok(inNs("ip", "link", "set", "jvdl0", "up"));
        ok(inNs("ip", "link", "set", "jvdp0", "up"));
    }

    @AfterEach
    void stop() throws Exception {
        if (ns != null) {
            Proc.run(List.of("ip", "netns", "del", ns), Map.of(), 30);
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

    @Test
    void attachAndDetachADirectInterfaceOfARunningLinuxGuest() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        NetworkedLinuxGuest guest = NetworkedLinuxGuest.prepare(dir);
        Path console = dir.resolve("console.log");
        Path xml = Files.writeString(dir.resolve("g.xml"), "<domain type='qemu'><name>directhp</name>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml() + "<devices>"
                + "<serial type='file'><source path='" + console + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>");
        Map<String, Object> settings = Map.of("user", "root", "group", "root",
                "command_prefix", new String[] {"ip", "netns", "exec", ns});
        try (QemuHosts q = new QemuHosts(dir, settings); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            ok(Proc.virsh(uri, "define", xml.toString()));
            ok(Proc.virsh(uri, "start", "directhp"));
            long pid;
            try (Stream<Path> st = Files.list(dir.resolve("run/system"))) {
                Path pidFile = st.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst().orElseThrow();
                pid = Long.parseLong(Files.readString(pidFile).strip());
            }
            try {
                NetworkedLinuxGuest.awaitInterfaces(console, "[]");
                // (virsh's --source-mode is udp's server/client: the macvtap takes libvirt's default, vepa)
                ok(Proc.virsh(uri, "attach-interface", "directhp", "direct", "jvdl0", "--model", "virtio",
                        "--mac", MAC));
                String link = ok(inNs("ip", "-d", "-o", "link", "show", "dev", "macvtap0")).out();
                assertTrue(link.contains("macvtap0@jvdl0:") && link.contains("link/ether " + MAC)
                        && link.contains("macvtap mode vepa"), link);
                String iface = element(ok(Proc.virsh(uri, "dumpxml", "directhp")).out(), MAC);
                assertTrue(iface.contains("<source dev='jvdl0' mode='vepa'/>")
                        && iface.contains("<target dev='macvtap0'/>") && iface.contains("<alias name='net0'/>"), iface);
                String domiflist = ok(Proc.virsh(uri, "domiflist", "directhp")).out();
                assertTrue(domiflist.matches("(?s).*macvtap0\\s+direct\\s+jvdl0\\s+virtio\\s+" + MAC + ".*"),
                        domiflist);
                NetworkedLinuxGuest.awaitInterfaces(console, "[eth0 ]");
                awaitPing("192.168.199.33");

                ok(Proc.virsh(uri, "detach-interface", "directhp", "direct", "--mac", MAC));
                NetworkedLinuxGuest.awaitInterfaces(console, "[]", "[eth0 ]");
                awaitGone(uri);
                assertNotEquals(0, inNs("ip", "link", "show", "dev", "macvtap0").exit(), "macvtap gone");
                assertFalse(ok(inNs("ip", "-o", "link", "show")).out().contains("macvtap"));
            } finally {
                if (Proc.virsh(uri, "destroy", "directhp").exit() != 0) {
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
                }
                Proc.virsh(uri, "undefine", "directhp");
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "QEMU " + pid + " stopped");
        }
    }

    /** The guest acknowledged within libvirt's 5 s, or the DEVICE_DELETED event finished it. */
    private static void awaitGone(String uri) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!ok(Proc.virsh(uri, "dumpxml", "directhp")).out().contains(MAC)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("interface " + MAC + " still in the live XML after 60 s");
    }

    private void awaitPing(String address) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Result r = null;
        while (System.nanoTime() < deadline) {
            r = inNs("/bin/busybox", "ping", "-c", "1", "-W", "1", address);
            if (r.exit() == 0) {
                return;
            }
        }
        throw new AssertionError("no answer from " + address + ": " + r);
    }

    /** The {@code <interface>} element of {@code xml} that contains {@code marker}. */
    private static String element(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertTrue(at >= 0, marker + " in " + xml);
        return xml.substring(xml.lastIndexOf("<interface ", at), xml.indexOf("</interface>", at));
    }
}
