package org.jvirt.shell.internal;

import java.io.PrintStream;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command the way virsh does: parse, connect, act, report. Output follows virsh exactly:
 * the command's text, then the empty line virsh prints after every command it ran
 * ({@code vshPrintExtra(ctl, "\n")}), errors as {@code error: ...} lines on stderr.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    /** What a command does once its arguments are parsed. */
    public interface Action {
        void run(Invocation call) throws VirtException, CommandFailure, Invocation.ConnectFailure;
    }

    private final ConnectionFactory factory;

    public CommandRunner(ConnectionFactory factory) {
        this.factory = factory;
    }

    /**
     * Runs the command; whatever it throws, the shell gets virsh's {@code error: ...} line and
     * lives on, and an unexpected failure is logged once with its stack.
     *
     * @return true when the command succeeded
     */
    public boolean run(CommandSpec spec, String[] args, Action action, PrintStream out, PrintStream err) {
        try {
            return runCommand(spec, args, action, out, err);
        } catch (Throwable t) {   // outside the command itself: parsing the arguments, printing
            LOG.error("virt:{} failed", spec.name(), t);
            err.print("error: internal error: virt:" + spec.name() + " failed: " + t + "\n");
            err.flush();
            return false;
        }
    }

    private boolean runCommand(CommandSpec spec, String[] args, Action action, PrintStream out, PrintStream err) {
        ParsedArgs parsed;
        try {
            parsed = ParsedArgs.parse(spec, ConnectionFactory.DEFAULT_URI, args);
        } catch (UsageException e) {
            err.print("error: " + e.getMessage() + "\n");
            err.flush();
            return false;
        }
        Invocation call = new Invocation(factory, parsed);
        boolean ok = false;
        try (call) {
            try {
                action.run(call);
            } finally {
                err.print(call.warnings());
            }
            ok = true;
        } catch (Invocation.ConnectFailure e) {
            // virsh connects before it runs the command and exits without the closing empty line
            out.print(call.output());
            out.flush();
            err.print("error: failed to connect to the hypervisor\nerror: " + e.getMessage() + "\n");
            err.flush();
            return false;
        } catch (CommandFailure e) {
            err.print(e.errorText());
        } catch (VirtException e) {
            err.print("error: " + e.getMessage() + "\n");
        } catch (Throwable e) {
            // a bug or an Error (a stack overflow on hostile input, no memory): libvirt's wording
            // for what it did not expect, and the shell stays
            LOG.error("virt:{} {} failed", spec.name(), parsed, e);
            err.print("error: internal error: virt:" + spec.name() + " failed: " + e + "\n");
        }
        out.print(call.output());
        out.print("\n");
        out.flush();
        err.flush();
        return ok;
    }
}
