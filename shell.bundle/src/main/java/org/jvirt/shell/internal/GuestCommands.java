package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;
import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.util.Arrays;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.ProcessSignal;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The commands that reach into a running guest: {@code virt:domifstat} (an interface's traffic
 * counters), {@code virt:send-process-signal} and {@code virt:lxc-enter-namespace}, with virsh's options, output and messages
 * (tools/virsh-domain-monitor.c, tools/virsh-domain.c).
 */
@Component(service = GuestCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=domifstat", "osgi.command.function=send-process-signal",
        "osgi.command.function=lxc-enter-namespace"})
public final class GuestCommands {
    static final CommandSpec DOMIFSTAT = CommandSpec.onDomain("domifstat", data("interface"));
    static final CommandSpec SEND_PROCESS_SIGNAL = CommandSpec.onDomain("send-process-signal", data("pid"),
            data("signame"));
    static final CommandSpec LXC_ENTER_NAMESPACE = CommandSpec.onDomain("lxc-enter-namespace", flag("noseclabel"));

    private final CommandRunner runner;

    @Activate
    public GuestCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("an interface's traffic counters, as virsh domifstat: [-c URI] <domain> <interface>")
    public void domifstat(String... args) {
        runner.run(DOMIFSTAT, args, GuestCommands::domifstat, System.out, System.err);
    }

    @Descriptor("virsh's send-process-signal [-c URI] <domain> <pid> <signame>, and lxc-enter-namespace"
            + " [-c URI] <domain> [--noseclabel] -- <command> [args]: a command in a container's namespaces")
    public void _main(String command, String... args) {
        // Gogo cannot name a method with dashes: those function names land here
        if (command.equals(LXC_ENTER_NAMESPACE.name())) {
            int dashes = List.of(args).indexOf("--");
            int split = dashes >= 0 ? dashes : firstCommandWord(args);
            String[] own = Arrays.copyOfRange(args, 0, split);
            List<String> argv = List.of(args).subList(Math.min(args.length, dashes >= 0 ? split + 1 : split),
                    args.length);
            runner.run(LXC_ENTER_NAMESPACE, own, call -> enterNamespace(call, argv), System.out, System.err);
        } else {
            runner.run(SEND_PROCESS_SIGNAL, args, GuestCommands::sendProcessSignal, System.out, System.err);
        }
    }

    /** Without "--": the words after the domain (the first word that is no option or option value). */
    private static int firstCommandWord(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            i += args[i].equals("-c") || args[i].equals("--connect") ? 2 : 1;
        }
        return Math.min(args.length, i + 1);
    }

    /**
     * virsh's lxc-enter-namespace: the command's output, then what it wrote to its standard
     * error (virsh's child inherits both streams of the terminal); a status other than 0
     * fails as virsh's virProcessWait does. {@code --noseclabel} changes nothing: jvirt's
     * containers have no security label to enter.
     */
    static void enterNamespace(Invocation call, List<String> command) throws CommandFailure,
            Invocation.ConnectFailure, VirtException {
        if (command.isEmpty()) {
            throw new CommandFailure("No command to run", null);
        }
        Domain d = call.domain();
        NamespaceCommandResult r = d.lxcEnterNamespace(command, 0);
        // the command's standard error after its output: the shell has one stream for both
        call.print(r.output() + r.errors());
        if (r.exitStatus() != 0) {
            throw new CommandFailure("internal error: Child process unexpected exit status " + r.exitStatus(), null);
        }
    }

    static void domifstat(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Domain d = call.domain();
        String device = call.args().required("interface");
        InterfaceStats s;
        try {
            s = d.interfaceStats(device);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to get interface stats " + call.args().required("domain") + " "
                    + device, e);
        }
        String[] names = {"rx_bytes", "rx_packets", "rx_errs", "rx_drop", "tx_bytes", "tx_packets", "tx_errs",
            "tx_drop"};
        long[] values = {s.rxBytes(), s.rxPackets(), s.rxErrs(), s.rxDrop(), s.txBytes(), s.txPackets(),
            s.txErrs(), s.txDrop()};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] >= 0) { // virsh leaves out what the driver could not count (-1)
                sb.append(device).append(' ').append(names[i]).append(' ').append(values[i]).append('\n');
            }
        }
        call.print(sb.toString());
    }

    static void sendProcessSignal(Invocation call) throws CommandFailure, Invocation.ConnectFailure,
            VirtException {
        Domain d = call.domain();
        String pidText = call.args().required("pid");
        long pid;
        try {
            pid = Long.parseLong(pidText);
        } catch (NumberFormatException e) {
            throw new CommandFailure("Numeric value '" + pidText + "' for <pid> option is malformed or out of range",
                    null);
        }
        String signame = call.args().required("signame");
        d.sendProcessSignal(pid, signalNumber(signame), 0);
    }

    /** virsh's getSignalNumber: a number as it is (the driver checks its range), else a name. */
    static int signalNumber(String signame) throws CommandFailure {
        try {
            int n = Integer.parseInt(signame.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            ProcessSignal s = ProcessSignal.byName(signame);
            if (s != null) {
                return s.number();
            }
        }
        throw new CommandFailure("malformed signal name: " + signame, null);
    }
}
