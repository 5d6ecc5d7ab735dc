package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * domifstat and send-process-signal: virsh's argument handling and messages, on the real core and
 * the test driver (which, like libvirt 9.0's, cannot signal a process; the LXC driver's answers
 * are VirshLxcTest's).
 */
class GuestCommandsTest {
    @TempDir
    Path dir;
    private CoreConnectionFactory core;
    private TestDriver driver;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void platform() throws Exception {
        core = new CoreConnectionFactory(Duration.ofSeconds(1));
        driver = new TestDriver(new FileStateStore(dir.resolve("state")), new DomainXmlCodecImpl());
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
    }

    @AfterEach
    void stop() {
        core.removeDriver(driver);
    }

    private String run(CommandSpec spec, CommandRunner.Action action, String... args) {
        new CommandRunner(core).run(spec, args, action, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        out.reset();
        err.reset();
        return e;
    }

    @Test
    void signalNamesAsVirshReadsThem() throws Exception {
        assertEquals(15, GuestCommands.signalNumber("SIGTERM"));
        assertEquals(15, GuestCommands.signalNumber("term"));
        assertEquals(34, GuestCommands.signalNumber("sig_rt2"));
        assertEquals(0, GuestCommands.signalNumber("nop"));
        assertEquals(99, GuestCommands.signalNumber("99"), "numbers go to the driver unchecked");
        CommandFailure f = assertThrows(CommandFailure.class, () -> GuestCommands.signalNumber("bogus"));
        assertEquals("error: malformed signal name: bogus\n", f.errorText());
        assertThrows(CommandFailure.class, () -> GuestCommands.signalNumber("-1"));
    }

    @Test
    void errorsAsVirshPrintsThem() {
        assertEquals("error: malformed signal name: bogus\n",
                run(GuestCommands.SEND_PROCESS_SIGNAL, GuestCommands::sendProcessSignal, "test", "1", "bogus"));
        assertEquals("error: Numeric value 'one' for <pid> option is malformed or out of range\n",
                run(GuestCommands.SEND_PROCESS_SIGNAL, GuestCommands::sendProcessSignal, "test", "one", "term"));
        assertEquals("error: this function is not supported by the connection driver: virDomainSendProcessSignal\n",
                run(GuestCommands.SEND_PROCESS_SIGNAL, GuestCommands::sendProcessSignal, "test", "1", "term"));
        assertEquals("error: Failed to get interface stats test eth0\n"
                + "error: this function is not supported by the connection driver: virDomainInterfaceStats\n",
                run(GuestCommands.DOMIFSTAT, GuestCommands::domifstat, "test", "eth0"));
        assertEquals("error: this function is not supported by the connection driver: virDomainLxcOpenNamespace\n",
                run(GuestCommands.LXC_ENTER_NAMESPACE, call -> GuestCommands.enterNamespace(call, List.of("/bin/true")),
                        "test"));
        assertEquals("error: No command to run\n", run(GuestCommands.LXC_ENTER_NAMESPACE,
                call -> GuestCommands.enterNamespace(call, List.of()), "test"));
    }
}
