package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh's {@code net-*} commands and Debian's python3-libvirt against jvirtd's network driver,
 * whose host commands run in a network namespace this test creates and removes: define, start (a
 * real bridge and dnsmasq in the namespace), list, info, dumpxml, destroy, undefine.
 */
class VirshNetworkTest {
    private static final String XML = """
            <network>
              <name>wire</name>
              <uuid>6a1f3b2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b</uuid>
              <forward mode='nat'/>
              <bridge name='jvbr0'/>
              <ip address='192.168.160.1' netmask='255.255.255.0'>
                <dhcp>
                  <range start='192.168.160.10' end='192.168.160.20'/>
                </dhcp>
              </ip>
            </network>
            """;

    @TempDir
    Path dir;
    private String ns;
    private Jvirtd jvirtd;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(HostDirectories.isRoot(), "network namespaces need root");
        ns = "jvt-wire-" + UUID.randomUUID().toString().substring(0, 8);
        Result add = Proc.run(List.of("ip", "netns", "add", ns), Map.of(), 30);
        assumeTrue(add.exit() == 0, "cannot create a network namespace: " + add.err());
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        jvirtd = new Jvirtd(Hosts.withNetworks(dir.resolve("state"), dir.resolve("run"),
                List.of("ip", "netns", "exec", ns)));
        uri = Hosts.networkUri(jvirtd.rw);
        Files.writeString(dir.resolve("wire.xml"), XML);
    }

    @AfterEach
    void stop() throws Exception {
        if (jvirtd != null) {
            Proc.virsh(uri, "net-destroy", "wire");
            jvirtd.close();
        }
        if (ns != null) {
            for (String pid : Proc.run(List.of("ip", "netns", "pids", ns), Map.of(), 30).out().split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
                }
            }
            Proc.run(List.of("ip", "netns", "del", ns), Map.of(), 30);
        }
    }

    @Test
    void virshNetCommands() throws Exception {
        Result define = Proc.virsh(uri, "net-define", dir.resolve("wire.xml").toString());
        assertEquals("Network wire defined from " + dir.resolve("wire.xml") + "\n\n", define.out(), define.toString());
        Result list = Proc.virsh(uri, "net-list", "--all");
        assertEquals(0, list.exit(), list.toString());
        assertEquals(" Name   State      Autostart   Persistent\n" + "-".repeat(43) + "\n"
                + " wire   inactive   no          yes\n\n", list.out());
        Result start = Proc.virsh(uri, "net-start", "wire");
        assertEquals("Network wire started\n\n", start.out(), start.toString());
        Result link = Proc.run(List.of("ip", "netns", "exec", ns, "ip", "-o", "-4", "addr", "show", "dev", "jvbr0"),
                Map.of(), 30);
        assertTrue(link.out().contains("192.168.160.1/24"), link.toString());
        Result info = Proc.virsh(uri, "net-info", "wire");
        assertEquals("Name:           wire\nUUID:           6a1f3b2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b\nActive:         yes\n"
                + "Persistent:     yes\nAutostart:      no\nBridge:         jvbr0\n\n", info.out(), info.toString());
        Result dump = Proc.virsh(uri, "net-dumpxml", "wire");
        assertTrue(dump.out().startsWith("<network>\n  <name>wire</name>\n  <uuid>6a1f3b2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b"
                + "</uuid>\n  <forward mode='nat'/>\n  <bridge name='jvbr0' stp='on' delay='0'/>\n  <mac address='52:54:00:"),
                dump.toString());
        Result leases = Proc.virsh(uri, "net-dhcp-leases", "wire");
        assertEquals(0, leases.exit(), leases.toString());
        assertEquals(" Expiry Time   MAC address   Protocol   IP address   Hostname   Client ID or DUID\n"
                + "-".repeat(83) + "\n\n", leases.out());
        Result active = Proc.virsh(uri, "net-list");
        assertTrue(active.out().contains(" wire   active   no          yes\n"), active.out());
        Result destroy = Proc.virsh(uri, "net-destroy", "wire");
        assertEquals("Network wire destroyed\n\n", destroy.out(), destroy.toString());
        Result gone = Proc.run(List.of("ip", "netns", "exec", ns, "ip", "link", "show", "dev", "jvbr0"), Map.of(), 30);
        assertEquals(1, gone.exit(), "the bridge is gone");
        Result undefine = Proc.virsh(uri, "net-undefine", "wire");
        assertEquals("Network wire has been undefined\n\n", undefine.out(), undefine.toString());
        Result missing = Proc.virsh(uri, "net-info", "wire");
        assertEquals(1, missing.exit());
        assertEquals("error: failed to get network 'wire'\nerror: Network not found: no network with matching name 'wire'\n",
                missing.err());
    }

    @Test
    void python3Libvirt() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(python.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
        Path script = dir.resolve("net.py");
        Files.writeString(script, """
                import sys, libvirt
                c = libvirt.open(sys.argv[1])
                n = c.networkDefineXML(open(sys.argv[2]).read())
                print("defined", n.name(), n.UUIDString(), n.isActive(), n.isPersistent())
                n.create()
                print("started", n.isActive(), n.bridgeName(), n.autostart())
                print("listed", sorted(x.name() for x in c.listAllNetworks()), c.numOfNetworks(), c.numOfDefinedNetworks())
                print("xml", "<ip address='192.168.160.1' netmask='255.255.255.0'>" in n.XMLDesc(0))
                print("leases", n.DHCPLeases())
                n.destroy()
                print("stopped", n.isActive())
                n.undefine()
                try:
                    c.networkLookupByName("wire")
                except libvirt.libvirtError as e:
                    print("gone", e.get_error_code(), e.get_error_domain(), e.get_error_message())
                """);
        Result r = Proc.run(List.of(python.toString(), script.toString(), uri, dir.resolve("wire.xml").toString()),
                Map.of(), 60);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                defined wire 6a1f3b2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b 0 1
                started 1 jvbr0 0
                listed ['wire'] 1 0
                xml True
                leases []
                stopped 0
                gone 43 19 Network not found: no network with matching name 'wire'
                """, r.out());
    }
}
