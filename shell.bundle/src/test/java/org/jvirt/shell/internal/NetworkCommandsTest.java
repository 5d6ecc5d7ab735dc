package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.NetworkHypervisorDriver;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virt:net-* on the real core and network driver, its host commands in a network namespace this
 * test makes and removes. The expected texts are what virsh 9.0 prints for the same commands
 * (rpc.bundle's VirshNetworkTest runs real virsh against jvirtd for them).
 */
class NetworkCommandsTest {
    private static final String ID = "6a1f3b2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b";

    @TempDir
    Path dir;
    private String ns;
    private NetworkCommands commands;
    private String uri;

    @BeforeEach
    void platform() throws Exception {
        assumeTrue(HostDirectories.isRoot(), "network namespaces need root");
        ns = "jvt-shell-" + UUID.randomUUID().toString().substring(0, 8);
        assumeTrue(exec(List.of("ip", "netns", "add", ns)) == 0, "cannot create a network namespace");
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        core.addDriver(new NetworkHypervisorDriver(), Map.of(HypervisorDriver.SCHEMES, new String[] {"network"}));
        core.bindNetworkDriver(new NetworkDriverComponent(new FileStateStore(dir.resolve("state")),
                new DomainXmlCodecImpl(), dir.resolve("run"), new CommandRunner(List.of("ip", "netns", "exec", ns)),
                "dnsmasq"));
        commands = new NetworkCommands(core);
        uri = "network:///system";
        Files.writeString(dir.resolve("net.xml"), "<network>\n  <name>shellnet</name>\n  <uuid>" + ID + "</uuid>\n"
                + "  <bridge name='jvbr5'/>\n  <ip address='10.55.0.1' prefix='24'/>\n</network>\n");
    }

    @AfterEach
    void cleanup() throws Exception {
        if (commands != null) {
            run("net-destroy", "shellnet");
        }
        if (ns != null) {
            Process p = new ProcessBuilder("ip", "netns", "pids", ns).start();
            for (String pid : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
                }
            }
            exec(List.of("ip", "netns", "del", ns));
        }
    }

    private static int exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        return p.exitValue();
    }

    private String[] run(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = uri;
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commands.run(command, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsWhatVirshPrints() {
        String file = dir.resolve("net.xml").toString();
        assertArrayEquals(new String[] {"Network shellnet defined from " + file + "\n\n", ""}, run("net-define", file));
        assertArrayEquals(new String[] {" Name       State      Autostart   Persistent\n"
                + "-----------------------------------------------\n"
                + " shellnet   inactive   no          yes\n\n", ""}, run("net-list", "--all"));
        assertArrayEquals(new String[] {" Name   State   Autostart   Persistent\n"
                + "----------------------------------------\n\n", ""}, run("net-list"));
        assertArrayEquals(new String[] {"Network shellnet started\n\n", ""}, run("net-start", "shellnet"));
        assertArrayEquals(new String[] {"Name:           shellnet\nUUID:           " + ID + "\nActive:         yes\n"
                + "Persistent:     yes\nAutostart:      no\nBridge:         jvbr5\n\n", ""}, run("net-info", ID));
        assertArrayEquals(new String[] {"Network shellnet marked as autostarted\n\n", ""},
                run("net-autostart", "shellnet"));
        assertArrayEquals(new String[] {"shellnet\n\n", ""}, run("net-list", "--autostart", "--name"));
        assertArrayEquals(new String[] {ID + "\n\n", ""}, run("net-uuid", "shellnet"));
        assertArrayEquals(new String[] {"shellnet\n\n", ""}, run("net-name", ID));
        String xml = run("net-dumpxml", "shellnet")[0];
        assertTrue(xml.startsWith("<network>\n  <name>shellnet</name>\n  <uuid>" + ID + "</uuid>\n"
                + "  <bridge name='jvbr5' stp='on' delay='0'/>\n  <mac address='52:54:00:"), xml);
        assertTrue(xml.endsWith("  <ip address='10.55.0.1' prefix='24'>\n  </ip>\n</network>\n\n"), xml);
        assertArrayEquals(new String[] {" Expiry Time   MAC address   Protocol   IP address   Hostname   Client ID or DUID\n"
                + "-----------------------------------------------------------------------------------\n\n", ""},
                run("net-dhcp-leases", "shellnet"));
        String[] again = run("net-start", "shellnet");
        assertEquals("error: Failed to start network shellnet\n"
                + "error: Requested operation is not valid: network is already active\n", again[1]);
        assertArrayEquals(new String[] {"Network shellnet destroyed\n\n", ""}, run("net-destroy", "shellnet"));
        assertArrayEquals(new String[] {"Network shellnet has been undefined\n\n", ""}, run("net-undefine", "shellnet"));
        assertArrayEquals(new String[] {"\n", "error: failed to get network 'shellnet'\n"
                + "error: Network not found: no network with matching name 'shellnet'\n"}, run("net-info", "shellnet"));
    }
}
