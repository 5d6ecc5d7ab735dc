package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.LxcHosts;
import org.jvirt.rpc.internal.testkit.Proc;

/**
 * Real {@code virsh} against jvirtd and the LXC driver with an {@code <interface type='direct'>} on a
 * host link of the test's own (a veth end; removed after): the container starts with its macvlan,
 * {@code domiflist} and {@code dumpxml} show the direct interface, {@code domifstat} by MAC counts the
 * container's macvlan, and a refused configuration comes back with libvirt's error text.
 */
class VirshLxcDirectTest {
    private static final String NAME = "jv-vdir-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    private static final String LINK = "jvvd" + Long.toHexString(System.nanoTime() & 0xffffL);
    private static final String MAC = "52:54:00:4a:7d:41";

    private static String xml(Path root, String name, String extra) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n"
                + "    <initarg>-c</initarg>\n    <initarg>while :; do sleep 1; done</initarg>\n  </os>\n"
                + "  <devices>\n    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n"
                + "      <target dir='/'/>\n    </filesystem>\n    <interface type='direct'>\n"
                + "      <mac address='" + MAC + "'/>\n      <source dev='" + LINK + "' mode='private'/>\n" + extra
                + "    </interface>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @Test
    void virshShowsAndCountsADirectInterface(@TempDir Path dir) throws Exception {
        assumeTrue(LxcHosts.canRunContainers(), "needs root, lxc-start, script and busybox-static");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(Proc.available("ip"), "iproute2 is not installed");
        Path root = LxcHosts.busyboxRoot(dir.resolve("root"));
        Path file = dir.resolve("dom.xml");
        Files.writeString(file, xml(root, NAME, ""));
        Path refused = dir.resolve("refused.xml");
        Files.writeString(refused, xml(root, NAME + "-bw", "      <bandwidth>\n        <inbound average='100'/>\n"
                + "      </bandwidth>\n"));
        ip("link", "add", "name", LINK, "type", "veth", "peer", "name", LINK + "p");
        try (LxcHosts h = new LxcHosts(dir.resolve("lxc")); Jvirtd d = new Jvirtd(h.factory);
                Connection c = h.factory.open("lxc:///system", 0)) {
            String uri = "lxc+unix:///system?socket=" + d.rw;
            try {
                ip("link", "set", "dev", LINK, "up");
                ip("link", "set", "dev", LINK + "p", "up");
                assertEquals("Domain '" + NAME + "' created from " + file, virsh(uri, "create", file.toString()).strip());
                String list = virsh(uri, "domiflist", NAME);
                assertTrue(list.matches("(?s).*\\n -\\s+direct\\s+" + LINK + "\\s+-\\s+" + MAC + "\\s*\\n.*"), list);
                String xml = virsh(uri, "dumpxml", NAME);
                assertTrue(xml.contains("<interface type='direct'>\n      <mac address='" + MAC + "'/>\n      "
                        + "<source dev='" + LINK + "' mode='private'/>"), xml);
                String stats = virsh(uri, "domifstat", NAME, MAC);
                assertTrue(stats.matches("(?s)" + MAC + " rx_bytes \\d+\n.*" + MAC + " tx_drop \\d+\n*"), stats);

                Proc.Result bw = Proc.virsh(uri, "create", refused.toString());
                assertEquals(1, bw.exit());
                assertTrue(bw.err().contains("error: unsupported configuration: Unable to set network bandwidth on "
                        + "direct interfaces"), bw.err());
                assertEquals("Domain '" + NAME + "' destroyed", virsh(uri, "destroy", NAME).strip());
            } finally {
                for (Domain dom : c.listAllDomains(0)) {
                    if (dom.isActive()) {
                        dom.destroy(0);
                    }
                }
            }
        } finally {
            Proc.run(List.of("ip", "link", "del", "dev", LINK), Map.of(), 10);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Proc.Result r = Proc.run(cmd, Map.of(), 10);
        assertEquals(0, r.exit(), cmd + ": " + r);
    }

    private static String virsh(String uri, String... args) throws Exception {
        Proc.Result r = Proc.virsh(uri, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r);
        return r.out();
    }
}
