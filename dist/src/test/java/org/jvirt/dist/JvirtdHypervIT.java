package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * jvirtd serving a Hyper-V connection over libvirt's RPC (issue 13: "through the Java API, the
 * virt:* commands and rpc.bundle"): real virsh with libvirt's remote driver
 * ({@code hyperv+unix:///?socket=...&name=hyperv://...}) asks jvirtd, which opens the {@code name}
 * URI with its Hyper-V driver and the driver's credentials file, logging in to driver.hyperv's
 * WS-Management simulator (in this JVM) with NTLM. Debian's libvirt has no Hyper-V driver of its
 * own (no openwsman), so the expected texts are virsh's formats for what the simulator holds.
 */
class JvirtdHypervIT {
    private static WsmanSimulator sim;
    private static Path work;
    private static Path run;
    private static Process jvirtd;
    private static String hyperv;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/virsh"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("needs virsh (required in CI)");
            }
            abort("needs virsh");
        }
        sim = WsmanSimulator.start();
        sim.offerAuth("Negotiate");
        sim.addVm("web", 2, 2, 1024);
        sim.addVm("db", 3, 1, 512);
        hyperv = "hyperv://127.0.0.1:" + sim.port() + "/?transport=http";
        Path home = Path.of(Commands.property("jvirt.dist.home"));
        work = Files.createDirectories(Path.of(Commands.property("jvirt.work")).resolve("hyperv-" + System.nanoTime()));
        run = Files.createTempDirectory("jvirtd-hyperv-");
        jvirtd = RemoteDriverJvirtd.start(home, work, run, "org.jvirt.driver.hyperv", "[credentials-sim]\nusername="
                + WsmanSimulator.USER + "\npassword=" + WsmanSimulator.PASSWORD
                + "\n\n[auth-hyperv-default]\ncredentials=sim\n");
        RemoteDriverJvirtd.awaitServing(jvirtd, work, run, "hyperv", () -> virsh("list --all"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jvirtd != null) {
            assertTrue(Commands.stop(jvirtd.toHandle(), 30), "bin/jvirtd did not end after SIGTERM");
        }
        if (sim != null) {
            sim.close();
        }
        if (run != null) {
            Commands.deleteTree(run);
        }
    }

    /** virsh through jvirtd: libvirt's remote driver, the Hyper-V URI as the name the daemon opens. */
    private static Commands.Result virsh(String commands) throws Exception {
        String uri = "hyperv+unix:///?socket=" + run.resolve("libvirt-sock") + "&name=" + hyperv.replace("&", "%26");
        return Commands.run(work, Map.of(), "", 60, List.of("virsh", "-c", uri, commands));
    }

    private static String ok(Commands.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
        return r.stdout();
    }

    @Test
    void virshListsAndChangesVmsThroughJvirtd() throws Exception {
        String list = ok(virsh("list --all"));
        assertTrue(list.matches("(?s) Id +Name +State\n-+\n +\\d+ +web +running\n +- +db +shut off\n\n"), list);
        assertEquals("shut off\n\n", ok(virsh("domstate db")));
        assertEquals("Domain 'db' started\n\n", ok(virsh("start db")));
        assertEquals("running\n\n", ok(virsh("domstate db")));
        assertEquals(2, sim.enabledState("db"), "the simulator's VM is Enabled (2)");
        String info = ok(virsh("dominfo web"));
        assertTrue(info.contains("\nOS Type:        hvm\n"), info);
        assertTrue(info.contains("\nCPU(s):         2\n"), info);
        assertTrue(info.contains("\nMax memory:     1048576 KiB\n"), info);
        assertTrue(sim.ntlmLogins() > 0, "jvirtd logged in with NTLM");
    }

    @Test
    void aRefusedVmOperationIsLibvirtsErrorOverTheWire() throws Exception {
        Commands.Result r = virsh("resume web");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("error: Failed to resume domain 'web'"), r.toString());
        assertTrue(r.stderr().contains("Domain is not paused"), r.toString());
    }
}
