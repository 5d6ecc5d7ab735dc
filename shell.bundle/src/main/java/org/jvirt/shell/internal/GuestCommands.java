package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.ProcessSignal;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The commands that reach into a running guest: {@code virt:domifstat} (an interface's traffic
 * counters) and {@code virt:send-process-signal}, with virsh's options, output and messages
 * (tools/virsh-domain-monitor.c, tools/virsh-domain.c).
 */
@Component(service = GuestCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=domifstat", "osgi.command.function=send-process-signal"})
public final class GuestCommands {
    static final CommandSpec DOMIFSTAT = CommandSpec.onDomain("domifstat", data("interface"));
    static final CommandSpec SEND_PROCESS_SIGNAL = CommandSpec.onDomain("send-process-signal", data("pid"),
            data("signame"));

    private final CommandRunner runner;

    @Activate
    public GuestCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("an interface's traffic counters, as virsh domifstat: [-c URI] <domain> <interface>")
    public void domifstat(String... args) {
        runner.run(DOMIFSTAT, args, GuestCommands::domifstat, System.out, System.err);
    }

    @Descriptor("send a signal to a process of a domain, as virsh send-process-signal: [-c URI] <domain> <pid>"
            + " <signame>")
    public void _main(String command, String... args) {
        // Gogo cannot name a method send-process-signal: the one function name lands here
        runner.run(SEND_PROCESS_SIGNAL, args, GuestCommands::sendProcessSignal, System.out, System.err);
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
