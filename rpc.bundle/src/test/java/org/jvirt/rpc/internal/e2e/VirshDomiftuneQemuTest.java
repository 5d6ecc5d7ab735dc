package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Real virsh {@code domiftune} through jvirtd on a real TCG guest of the QEMU driver, its tap in a network
 * namespace this test creates and removes: the live values, a {@code --config} change that only the
 * persistent definition shows, libvirt's errors for an unknown device and for the generated tap name the
 * persistent definition does not have, and a read-only connection refused the change. (Live changes, which
 * run tc, are QemuInterfaceTuneTest's: this kernel lacks modules libvirt's tc tree needs.)
 */
class VirshDomiftuneQemuTest {
    private static final String MAC = "52:54:00:de:f0:01";

    @TempDir
    Path dir;
    private String ns;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuHosts.qemuInstalled(), "qemu-system-x86_64 is not installed");
        assumeTrue(HostDirectories.isRoot(), "network namespaces need root");
        ns = "jvt-ift-" + UUID.randomUUID().toString().substring(0, 8);
        Result add = Proc.run(List.of("ip", "netns", "add", ns), Map.of(), 30);
        assumeTrue(add.exit() == 0, "cannot create a network namespace: " + add.err());
    }

    @AfterEach
    void stop() throws Exception {
        if (ns != null) {
            Proc.run(List.of("ip", "netns", "del", ns), Map.of(), 30);
        }
    }

    private static Result ok(Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    @Test
    void domiftuneReadsTheLiveGuestAndChangesItsDefinition() throws Exception {
        Path xml = Files.writeString(dir.resolve("g.xml"), "<domain type='qemu'><name>iftq</name>"
                + "<memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><interface type='ethernet'><mac address='" + MAC + "'/><model type='e1000'/>"
                + "<bandwidth><inbound average='1000' peak='2000' burst='64'/></bandwidth></interface></devices>"
                + "</domain>");
        Map<String, Object> settings = Map.of("user", "root", "group", "root",
                "command_prefix", new String[] {"ip", "netns", "exec", ns});
        try (QemuHosts q = new QemuHosts(dir, settings); Jvirtd d = new Jvirtd(q.factory)) {
            String uri = "qemu+unix:///system?socket=" + d.rw;
            ok(Proc.virsh(uri, "define", xml.toString()));
            ok(Proc.virsh(uri, "start", "iftq"));
            long pid;
            try (Stream<Path> st = Files.list(dir.resolve("run/system"))) {
                Path pidFile = st.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst().orElseThrow();
                pid = Long.parseLong(Files.readString(pidFile).strip());
            }
            try {
                String live = ok(Proc.virsh(uri, "domiftune", "iftq", "vnet0")).out();
                assertEquals("inbound.average: 1000\ninbound.peak   : 2000\ninbound.burst  : 64\ninbound.floor  : 0\n"
                        + "outbound.average: 0\noutbound.peak  : 0\noutbound.burst : 0\n\n", live);
                assertEquals(live, ok(Proc.virsh(uri, "domiftune", "iftq", MAC)).out(), "by MAC");

                ok(Proc.virsh(uri, "domiftune", "iftq", MAC, "--config", "--outbound", "300,600,30"));
                String config = ok(Proc.virsh(uri, "domiftune", "iftq", MAC, "--config")).out();
                assertTrue(config.contains("inbound.average: 1000\n") && config.contains("outbound.average: 300\n"
                        + "outbound.peak  : 600\noutbound.burst : 30\n"), config);
                assertEquals(live, ok(Proc.virsh(uri, "domiftune", "iftq", "vnet0", "--live")).out(), "live untouched");
                assertTrue(ok(Proc.virsh(uri, "dumpxml", "--inactive", "iftq")).out()
                        .contains("<outbound average='300' peak='600' burst='30'/>"));

                Result unknown = Proc.virsh(uri, "domiftune", "iftq", "nosuch0");
                assertEquals(1, unknown.exit());
                assertTrue(unknown.err().contains("error: invalid argument: 'nosuch0' is not a known interface"),
                        unknown.err());
                Result generated = Proc.virsh(uri, "domiftune", "iftq", "vnet0", "--config");
                assertTrue(generated.err().contains("'vnet0' is not a known interface"), generated.err());
                Result ro = Proc.virsh("qemu+unix:///system?socket=" + d.ro, "domiftune", "iftq", "vnet0",
                        "--inbound", "5");
                assertTrue(ro.err().contains("read only access prevents virDomainSetInterfaceParameters"), ro.err());
                assertEquals(live, ok(Proc.virsh(uri, "domiftune", "iftq", "vnet0")).out());
            } finally {
                if (Proc.virsh(uri, "destroy", "iftq").exit() != 0) {
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
                }
                Proc.virsh(uri, "undefine", "iftq");
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "QEMU " + pid + " stopped");
            assertFalse(ok(Proc.virsh(uri, "list", "--all")).out().contains("iftq"));
        }
    }
}
