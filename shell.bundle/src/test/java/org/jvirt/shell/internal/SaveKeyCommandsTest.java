package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * managedsave, managedsave-remove and send-key: virsh's argument handling and messages, on the real
 * core and the test driver (which has no managed save; its send-key checks the codes as libvirt's
 * test driver does; the Hyper-V driver's answers are HypervSaveKeyTest's).
 */
class SaveKeyCommandsTest {
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

    /** Runs the command; returns its output (with the empty line virsh ends a command with) and its error lines. */
    private List<String> run(CommandSpec spec, CommandRunner.Action action, String... args) {
        new CommandRunner(core).run(spec, args, action, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> r = List.of(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        out.reset();
        err.reset();
        return r;
    }

    private List<String> sendKey(String... args) {
        List<String> own = new java.util.ArrayList<>();
        List<String> keys = new java.util.ArrayList<>();
        for (String a : args) {
            (own.isEmpty() || a.startsWith("--") || own.get(own.size() - 1).startsWith("--") ? own : keys).add(a);
        }
        return run(SaveKeyCommands.SEND_KEY, call -> SaveKeyCommands.sendKey(call, keys), own.toArray(String[]::new));
    }

    @Test
    void managedSaveAsVirshReportsIt() {
        // what virsh prints against libvirt 9.0's test driver
        assertEquals(List.of("\nDomain 'test' state saved by libvirt\n\n", ""),
                run(SaveKeyCommands.MANAGEDSAVE, SaveKeyCommands::managedSave, "test"));
        assertEquals(List.of("\n", "error: Failed to save domain 'test' state\n"
                + "error: Requested operation is not valid: domain is not running\n"),
                run(SaveKeyCommands.MANAGEDSAVE, SaveKeyCommands::managedSave, "test"));
        assertEquals(List.of("Removed managedsave image for domain 'test'\n\n", ""),
                run(SaveKeyCommands.MANAGEDSAVE_REMOVE, SaveKeyCommands::managedSaveRemove, "test"));
        assertEquals(List.of("\n", "error: Options --running and --paused are mutually exclusive\n"),
                run(SaveKeyCommands.MANAGEDSAVE, SaveKeyCommands::managedSave, "test", "--running", "--paused"));
    }

    @Test
    void managedSaveRemoveSkipsADomainWithoutImage() {
        assertEquals(List.of("Domain 'test' has no manage save image; removal skipped\n\n", ""),
                run(SaveKeyCommands.MANAGEDSAVE_REMOVE, SaveKeyCommands::managedSaveRemove, "test"));
        assertEquals(List.of("\n", "error: failed to get domain 'nosuch'\n"),
                run(SaveKeyCommands.MANAGEDSAVE_REMOVE, SaveKeyCommands::managedSaveRemove, "nosuch"));
    }

    @Test
    void sendKeyArgumentsAsVirshReadsThem() {
        assertEquals(List.of("\n", "error: unknown codeset: 'bogus'\n"), sendKey("test", "--codeset", "bogus", "30"));
        assertEquals(List.of("\n", "error: invalid keycode: 'KEY_BOGUS'\n"), sendKey("test", "KEY_BOGUS"));
        assertEquals(List.of("\n", "error: too many keycodes\n"), sendKey("test", "1", "2", "3", "4", "5", "6", "7",
                "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"));
        assertEquals(List.of("\n", "error: Numeric value '-5' for <holdtime> option is malformed or out of range\n"),
                sendKey("test", "--holdtime", "-5", "KEY_A"));
        // names and numbers pass virsh's checks; the test driver checks the codes against their set
        assertEquals(List.of("\n", ""), sendKey("test", "--holdtime", "10", "KEY_LEFTCTRL", "0x1d", "KEY_DELETE"));
        assertEquals(List.of("\n", ""), sendKey("test", "--codeset", "win32", "KEY_A"));
        assertEquals(List.of("\n", "error: internal error: invalid keycode 999 of win32 codeset\n"),
                sendKey("test", "--codeset", "win32", "999"));
        assertEquals(List.of("\n", "error: internal error: invalid keycode 2000 of xt codeset\n"),
                sendKey("test", "--codeset", "xt", "2000"));
    }
}
