package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.value;

import java.io.PrintStream;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:domcapabilities [--virttype TYPE] [--emulatorbin PATH] [--arch ARCH] [--machine MACHINE]}:
 * the domain capabilities, printed as virsh 9.0's cmdDomCapabilities prints them (the XML and a
 * newline), or virsh's "failed to get emulator capabilities" followed by libvirt's error.
 */
@Component(service = DomCapabilitiesCommand.class, property = {Scope.PROPERTY,
        "osgi.command.function=domcapabilities"})
public final class DomCapabilitiesCommand {

    static final CommandSpec SPEC = CommandSpec.of("domcapabilities", value("virttype"), value("emulatorbin"),
            value("arch"), value("machine"));

    private final CommandRunner runner;

    @Activate
    public DomCapabilitiesCommand(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's domcapabilities [--virttype TYPE] [--emulatorbin PATH] [--arch ARCH] [--machine MACHINE]"
            + " [-c URI]")
    public void domcapabilities(String... args) {
        run(args, System.out, System.err);
    }

    /** Runs the command; false when it failed. */
    boolean run(String[] args, PrintStream out, PrintStream err) {
        return runner.run(SPEC, args, DomCapabilitiesCommand::domcapabilities, out, err);
    }

    static void domcapabilities(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        try {
            call.print(call.connection().domainCapabilities(a.value("emulatorbin").orElse(null),
                    a.value("arch").orElse(null), a.value("machine").orElse(null), a.value("virttype").orElse(null), 0)
                    + "\n");
        } catch (VirtException e) {
            throw new CommandFailure("failed to get emulator capabilities", e);
        }
    }
}
