package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Network interface hot-plug with real virsh against jvirtd and a real Linux guest (virtio-net,
 * TCG), the guest's QEMU and taps in a network namespace this test creates with a bridge of its
 * own: {@code attach-interface} plugs a NIC the guest sees as {@code eth0} and that answers pings
 * over the bridge, {@code detach-interface} takes it away (the guest loses it, the tap is gone);
 * {@code attach-device}/{@code detach-device} of an {@code <interface>} the same, {@code --persistent}
 * into the definition too. Errors as libvirt's: a MAC the guest has no NIC with, a read-only connection.
 */
class VirshNetHotplugLinuxTest {
    private static final String BRIDGE = "jvtbr7";
    private static final String MAC = "52:54:00:00:fe:21";
    private static final String MAC2 = "52:54:00:00:fe:22";

    @TempDir
    Path dir;
    private String ns;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuHosts.qemuInstalled(), "qemu-system-x86_64 is not installed");
        assumeTrue(HostDirectories.isRoot(), "network namespaces need root");
        ns = "jvt-nhp-" + UUID.randomUUID().toString().substring(0, 8);
        Result add = Proc.run(List.of("ip", "netns", "add", ns), Map.of(), 30);
        assumeTrue(add.exit() == 0, "cannot create a network namespace: " + add.err());
        inNs("ip", "link", "add", BRIDGE, "type", "bridge");
        inNs("ip", "addr", "add", "192.168.254.1/24", "dev", BRIDGE);
        inNs("ip", "link", "set", BRIDGE, "up");
    }

    @AfterEach
    void stop() throws Exception {
        if (ns != null) {
            Proc.run(List.of("ip", "netns", "del", ns), Map.of(), 30);
        }
    }

    private Result inNs(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, Map.of(), 30);
    }

    private static Result ok(Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    @Test
    void attachAndDetachInterfacesOfARunningLinuxGuest() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        NetworkedLinuxGuest guest = NetworkedLinuxGuest.prepare(dir);
        Path console = dir.resolve("console.log");
        Path xml = Files.writeString(dir.resolve("g.xml"), "<domain type='qemu'><name>nethp</name>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml() + "<devices>"
                + "<serial type='file'><source path='" + console + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>");
        Path nicXml = Files.writeString(dir.resolve("nic.xml"), "<interface type='bridge'><mac address='" + MAC2
                + "'/><source bridge='" + BRIDGE + "'/><model type='virtio'/></interface>");
        Map<String, Object> settings = Map.of("user", "root", "group", "root",
                "command_prefix", new String[] {"ip", "netns", "exec", ns});
        try (QemuHosts q = new QemuHosts(dir, settings); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            ok(Proc.virsh(uri, "define", xml.toString()));
            ok(Proc.virsh(uri, "start", "nethp"));
            long pid;
            try (Stream<Path> st = Files.list(dir.resolve("run/system"))) {
                Path pidFile = st.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst().orElseThrow();
                pid = Long.parseLong(Files.readString(pidFile).strip());
            }
            try {
                NetworkedLinuxGuest.awaitInterfaces(console, "[]");
                ok(Proc.virsh(uri, "attach-interface", "nethp", "bridge", BRIDGE, "--model", "virtio", "--mac", MAC));
                String iface = element(ok(Proc.virsh(uri, "dumpxml", "nethp")).out(), MAC);
                assertTrue(iface.contains("<target dev='vnet0'/>") && iface.contains("<alias name='net0'/>")
                        && iface.contains("<source bridge='" + BRIDGE + "'/>"), iface);
                assertTrue(inNs("ip", "-o", "link", "show", "master", BRIDGE).out().contains("vnet0"));
                assertFalse(ok(Proc.virsh(uri, "dumpxml", "--inactive", "nethp")).out().contains(MAC));
                NetworkedLinuxGuest.awaitInterfaces(console, "[eth0 ]");
                awaitPing("192.168.254.33");
                String domiflist = ok(Proc.virsh(uri, "domiflist", "nethp")).out();
                assertTrue(domiflist.matches("(?s).*vnet0\\s+bridge\\s+" + BRIDGE + "\\s+virtio\\s+" + MAC + ".*"),
                        domiflist);

                Result ro = Proc.virsh("qemu+unix:///system?socket=" + d.ro, "detach-device", "nethp",
                        nicXml.toString());
                assertTrue(ro.err().contains("read only access prevents virDomainDetachDevice"), ro.err());
                Result missing = Proc.virsh(uri, "detach-device", "nethp", nicXml.toString());
                assertNotEquals(0, missing.exit());
                assertTrue(missing.err().contains("device not found: no device matching MAC address " + MAC2
                        + " found"), missing.err());

                // attach-device --persistent: running guest and definition, the same MAC in both
                ok(Proc.virsh(uri, "attach-device", "nethp", nicXml.toString(), "--persistent"));
                NetworkedLinuxGuest.awaitInterfaces(console, "[eth0 eth1 ]");
                assertTrue(element(ok(Proc.virsh(uri, "dumpxml", "nethp")).out(), MAC2)
                        .contains("<alias name='net1'/>"));
                assertTrue(ok(Proc.virsh(uri, "dumpxml", "--inactive", "nethp")).out().contains(MAC2));
                awaitPing("192.168.254.34");

                ok(Proc.virsh(uri, "detach-interface", "nethp", "bridge", "--mac", MAC));
                NetworkedLinuxGuest.awaitInterfaces(console, "[eth1 ]");
                awaitGone(uri, MAC);
                assertNotEquals(0, inNs("ip", "link", "show", "dev", "vnet0").exit(), "tap gone");
                Result again = Proc.virsh(uri, "detach-interface", "nethp", "bridge", "--mac", MAC);
                assertNotEquals(0, again.exit());
                assertTrue(again.err().contains("No interface with MAC address " + MAC + " was found"),
                        again.err());

                ok(Proc.virsh(uri, "detach-device", "nethp", nicXml.toString(), "--persistent"));
                NetworkedLinuxGuest.awaitInterfaces(console, "[]", "[eth1 ]");
                awaitGone(uri, MAC2);
                assertFalse(ok(Proc.virsh(uri, "dumpxml", "--inactive", "nethp")).out().contains(MAC2));
                assertEquals("", inNs("ip", "-o", "link", "show", "master", BRIDGE).out().strip());
                System.out.println("virsh interface hot-plug (Linux guest): eth0 and eth1 plugged, pinged over "
                        + "bridge " + BRIDGE + " and unplugged");
            } finally {
                if (Proc.virsh(uri, "destroy", "nethp").exit() != 0) {
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
                }
                Proc.virsh(uri, "undefine", "nethp");
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "QEMU " + pid + " stopped");
        }
    }

    /** The guest acknowledged within libvirt's 5 s, or the DEVICE_DELETED event finished it: the NIC left the XML. */
    private static void awaitGone(String uri, String mac) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!ok(Proc.virsh(uri, "dumpxml", "nethp")).out().contains(mac)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("interface " + mac + " still in the live XML after 60 s");
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
