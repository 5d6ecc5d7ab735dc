package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.driver.hyperv.internal.HypervDriver;
import org.jvirt.driver.hyperv.internal.HypervTestDrivers;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * virt:* on {@code hyperv://} URIs: the shell opens connections without a callback, so the
 * Hyper-V driver takes the credentials from its auth.conf file (service {@code hyperv}); here
 * against driver.hyperv's WS-Management simulator with NTLM, on the real core. The texts are
 * virsh's formats (as the other shell tests check them on the test driver).
 */
class HypervShellTest {
    @TempDir
    Path dir;
    private WsmanSimulator sim;
    private CoreConnectionFactory core;
    private HypervDriver driver;
    private String uri;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void platform() throws Exception {
        sim = WsmanSimulator.start();
        sim.offerAuth("Negotiate");
        sim.addVm("web", 2, 2, 1024);
        sim.addVm("db", 3, 1, 512);
        uri = "hyperv://127.0.0.1:" + sim.port() + "/?transport=http";
        core = new CoreConnectionFactory(Duration.ofSeconds(1));
        driver = HypervTestDrivers.withCredentialsFile(credentials(WsmanSimulator.PASSWORD));
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"hyperv"}));
    }

    @AfterEach
    void stop() {
        core.removeDriver(driver);
        sim.close();
    }

    private Path credentials(String password) throws Exception {
        return Files.writeString(dir.resolve("auth.conf"), "[credentials-hv]\nusername=" + WsmanSimulator.USER
                + "\npassword=" + password + "\n\n[auth-hyperv-127.0.0.1]\ncredentials=hv\n");
    }

    private String[] run(CommandSpec spec, CommandRunner.Action action, String... args) {
        String[] withUri = new String[args.length + 2];
        withUri[0] = "-c";
        withUri[1] = uri;
        System.arraycopy(args, 0, withUri, 2, args.length);
        new CommandRunner(core).run(spec, withUri, action, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] result = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        out.reset();
        err.reset();
        return result;
    }

    @Test
    void listStateLifecycleAndInfoOverNtlm() throws Exception {
        String[] list = run(ListCommands.LIST, ListCommands::list, "--all");
        assertEquals("", list[1]);
        assertTrue(list[0].matches("(?s) Id +Name +State\n-+\n +\\d+ +web +running\n +- +db +shut off\n\n"), list[0]);
        assertEquals("running\n\n", run(InfoCommands.DOMSTATE, InfoCommands::domstate, "web")[0]);
        assertEquals("Domain 'db' started\n\n", run(LifecycleCommands.START, LifecycleCommands::start, "db")[0]);
        assertEquals("running\n\n", run(InfoCommands.DOMSTATE, InfoCommands::domstate, "db")[0]);
        String info = run(InfoCommands.DOMINFO, InfoCommands::dominfo, "web")[0];
        assertTrue(info.contains("\nName:           web\n"), info);
        assertTrue(info.contains("\nOS Type:        hvm\n"), info);
        assertTrue(info.contains("\nCPU(s):         2\n"), info);
        assertTrue(info.contains("\nMax memory:     1048576 KiB\n"), info);
        String[] twice = run(LifecycleCommands.START, LifecycleCommands::start, "db");
        // virsh's own check, as on the test driver
        assertEquals("error: Domain is already active\n", twice[1]);
        assertTrue(sim.ntlmLogins() > 0, "the shell's connections logged in with NTLM");
    }

    /**
     * The other commands the issue lists, each checked in what the simulator then holds (its VM's
     * EnabledState, the keys typed) or in what the command prints back from it.
     */
    @Test
    void defineResizeLifecycleSaveKeysAndUndefine() throws Exception {
        Path xml = Files.writeString(dir.resolve("new1.xml"), "<domain type='hyperv'><name>new1</name>"
                + "<memory unit='MiB'>1024</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>");
        assertEquals("Domain 'new1' defined from " + xml + "\n\n",
                run(DefinitionCommands.DEFINE, DefinitionCommands::define, xml.toString())[0]);
        assertEquals(3, sim.enabledState("new1"), "defined off (Disabled)");
        String[] again = run(DefinitionCommands.DEFINE, DefinitionCommands::define, xml.toString());
        assertEquals("error: Failed to define domain from " + xml + "\nerror: domain Domain already exists with name"
                + " 'new1' exists already\n", again[1]);
        String dump = run(InfoCommands.DUMPXML, InfoCommands::dumpxml, "new1")[0];
        assertTrue(dump.startsWith("<domain type='hyperv'>\n  <name>new1</name>\n"), dump);
        assertTrue(dump.contains("<memory unit='KiB'>1048576</memory>"), dump);
        assertEquals("", run(ResizeCommands.SETMEM, ResizeCommands::setmem, "new1", "512M")[1]);
        assertEquals("", run(ResizeCommands.SETVCPUS, ResizeCommands::setvcpus, "new1", "3")[1]);
        String info = run(InfoCommands.DOMINFO, InfoCommands::dominfo, "new1")[0];
        assertTrue(info.contains("\nCPU(s):         3\n"), info);
        assertTrue(info.contains("\nUsed memory:    524288 KiB\n"), info);
        assertTrue(info.contains("\nAutostart:      disable\n"), info);

        assertEquals("Domain 'web' suspended\n\n", run(LifecycleCommands.SUSPEND,
                c -> LifecycleCommands.act(c, "suspend", "suspended", d -> d.suspend()), "web")[0]);
        assertEquals(32768, sim.enabledState("web"), "Paused");
        assertEquals("Domain 'web' resumed\n\n", run(LifecycleCommands.RESUME,
                c -> LifecycleCommands.act(c, "resume", "resumed", d -> d.resume()), "web")[0]);
        assertEquals(2, sim.enabledState("web"));
        assertEquals("Domain 'web' is being rebooted\n\n", run(LifecycleCommands.REBOOT,
                c -> LifecycleCommands.act(c, "reboot", "is being rebooted", d -> d.reboot(0)), "web")[0]);
        assertEquals("Domain 'web' was reset\n\n", run(LifecycleCommands.RESET, LifecycleCommands::reset, "web")[0]);
        assertEquals(2, sim.enabledState("web"));
        run(SaveKeyCommands.SEND_KEY, c -> SaveKeyCommands.sendKey(c, java.util.List.of("KEY_A")), "web");
        assertEquals(java.util.List.of("PressKey 65", "ReleaseKey 65"), sim.typedKeys());
        assertEquals("\nDomain 'web' state saved by libvirt\n\n",
                run(SaveKeyCommands.MANAGEDSAVE, SaveKeyCommands::managedSave, "web")[0]);
        assertEquals(32769, sim.enabledState("web"), "Saved");
        assertEquals("Removed managedsave image for domain 'web'\n\n",
                run(SaveKeyCommands.MANAGEDSAVE_REMOVE, SaveKeyCommands::managedSaveRemove, "web")[0]);
        assertEquals(3, sim.enabledState("web"));
        assertEquals("Domain 'web' started\n\n", run(LifecycleCommands.START, LifecycleCommands::start, "web")[0]);
        assertEquals("Domain 'web' is being shutdown\n\n", run(LifecycleCommands.SHUTDOWN,
                c -> LifecycleCommands.act(c, "shutdown", "is being shutdown", d -> d.shutdown(0)), "web")[0]);
        assertEquals(3, sim.enabledState("web"));
        run(LifecycleCommands.START, LifecycleCommands::start, "web");
        assertEquals("Domain 'web' destroyed\n\n", run(LifecycleCommands.DESTROY,
                c -> LifecycleCommands.act(c, "destroy", "destroyed", d -> d.destroy(0)), "web")[0]);
        assertEquals(3, sim.enabledState("web"));

        assertEquals("Domain 'new1' has been undefined\n\n", run(DefinitionCommands.UNDEFINE,
                c -> LifecycleCommands.act(c, "undefine", "has been undefined", d -> d.undefine(0)), "new1")[0]);
        assertEquals(-1, sim.enabledState("new1"));
    }

    @Test
    void aWrongPasswordInTheFileFailsTheConnection() throws Exception {
        credentials("wrong");
        String[] r = run(ListCommands.LIST, ListCommands::list, "--all");
        assertEquals("", r[0]);
        assertTrue(r[1].startsWith("error: failed to connect to the hypervisor\nerror: authentication failed: the"
                + " WS-Management service at 'http://127.0.0.1:" + sim.port() + "/wsman' refused the user name or"
                + " password (HTTP 401 during enumeration)"), r[1]);
    }
}
