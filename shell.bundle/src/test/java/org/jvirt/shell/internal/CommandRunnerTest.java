package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's stdout/stderr contract without a hypervisor: a platform with no driver for the URI
 * (the core's real answer then is NO_CONNECT), usage errors, and the steps before connecting.
 * The commands against a real driver are tested in dist's daemon test, next to real virsh.
 */
class CommandRunnerTest {
    /** A platform where no driver is installed: every open fails as the core fails it. */
    private static final ConnectionFactory NO_DRIVERS = new ConnectionFactory() {
        @Override
        public Connection open(String uri, int flags) throws VirtException {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, uri);
        }

        @Override
        public List<DriverInfo> drivers() {
            return List.of();
        }
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private boolean run(CommandSpec spec, CommandRunner.Action action, String... args) {
        return new CommandRunner(NO_DRIVERS).run(spec, args, action,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void connectionFailureIsReportedLikeVirsh() {
        assertFalse(run(ListCommands.LIST, ListCommands::list, "-c", "foo:///bar"));
        assertEquals("", out());
        assertEquals("error: failed to connect to the hypervisor\n"
                + "error: no connection driver available for foo:///bar\n", err());
    }

    @Test
    void usageErrorsPrintNoClosingEmptyLine() {
        assertFalse(run(InfoCommands.DOMINFO, InfoCommands::dominfo));
        assertEquals("", out());
        assertEquals("error: command 'dominfo' requires <domain> option\n", err());
    }

    @Test
    void driversNeedsNoConnectionAndEndsWithVirshsEmptyLine() {
        assertTrue(run(ListCommands.DRIVERS, ListCommands::drivers));
        assertEquals(" Name   Schemes   Ranking   Bundle\n"
                + "-".repeat(36) + "\n\n", out());
        assertEquals("", err());
    }

    @Test
    void defineOfAMissingFileFailsBeforeConnecting(@TempDir Path dir) {
        Path missing = dir.resolve("missing.xml");
        assertFalse(run(DefinitionCommands.DEFINE, DefinitionCommands::define, missing.toString()));
        assertEquals("\n", out());
        assertEquals("error: Failed to open file '" + missing + "': No such file or directory\n", err());
    }

    @Test
    void defineRefusesFilesOverVirshsLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.xml");
        Files.write(big, new byte[DefinitionCommands.MAX_XML_FILE + 1]);
        assertFalse(run(DefinitionCommands.DEFINE, DefinitionCommands::define, big.toString()));
        assertEquals("error: File '" + big + "' is too large\n", err());
    }

    /** Throws {@code t} although the signature does not declare it, as a buggy library may. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void whateverACommandThrowsPrintsAnErrorLineAndTheShellGoesOn() {
        Throwable[] failures = {
            new IllegalStateException("broken on purpose"),
            new StackOverflowError("deep on purpose"),
            new OutOfMemoryError("full on purpose"),
            new java.io.IOException("undeclared on purpose"),
        };
        for (Throwable t : failures) {
            out.reset();
            err.reset();
            assertFalse(run(ListCommands.DRIVERS, call -> {
                call.print("partial\n");
                sneaky(t);
            }));
            assertEquals("error: internal error: virt:drivers failed: " + t + "\n", err(), t.toString());
            assertEquals("partial\n\n", out(), "what the command printed, then virsh's closing line");
        }
        out.reset();
        err.reset();
        assertTrue(run(ListCommands.DRIVERS, ListCommands::drivers), "the next command runs normally");
        assertEquals("", err());
    }

    @Test
    void aFailureOutsideTheCommandStillEndsInAnErrorLine() {
        PrintStream failingOut = new PrintStream(out, true, StandardCharsets.UTF_8) {
            @Override
            public void print(String s) {
                throw new IllegalStateException("terminal gone");
            }
        };
        boolean ok = new CommandRunner(NO_DRIVERS).run(ListCommands.DRIVERS, new String[0], ListCommands::drivers,
                failingOut, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertFalse(ok);
        assertEquals("error: internal error: virt:drivers failed: java.lang.IllegalStateException: terminal gone\n",
                err());
    }
}
