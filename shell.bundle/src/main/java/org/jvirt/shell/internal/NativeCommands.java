package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;

import java.io.PrintStream;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:domxml-from-native FORMAT CONFIG-FILE} and {@code virt:domxml-to-native FORMAT
 * XML-FILE}: a driver's native configuration ({@code xen-xl}, {@code xen-xm}, {@code qemu-argv})
 * from and to domain XML, printed as virsh prints it. virsh reports only libvirt's error.
 */
@Component(service = NativeCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=domxml-from-native", "osgi.command.function=domxml-to-native"})
public final class NativeCommands {

    static final CommandSpec FROM_NATIVE = CommandSpec.of("domxml-from-native", data("format"), data("config"));
    static final CommandSpec TO_NATIVE = CommandSpec.of("domxml-to-native", data("format"), data("xml"));

    private final CommandRunner runner;

    @Activate
    public NativeCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's domxml-from-native <format> <config-file> and domxml-to-native <format> <xml-file>:"
            + " [-c URI] ...")
    public void _main(String command, String... args) {
        run(command, args, System.out, System.err);
    }

    /** Runs command {@code command}; false when it failed (or is not one of these two). */
    boolean run(String command, String[] args, PrintStream out, PrintStream err) {
        if (command.equals(FROM_NATIVE.name())) {
            return runner.run(FROM_NATIVE, args, NativeCommands::fromNative, out, err);
        }
        if (command.equals(TO_NATIVE.name())) {
            return runner.run(TO_NATIVE, args, NativeCommands::toNative, out, err);
        }
        err.print("error: unknown command: '" + command + "'\n");
        return false;
    }

    static void fromNative(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String format = call.args().required("format");
        String config = DefinitionCommands.read(call.args().required("config"));
        try {
            call.print(call.connection().domainXmlFromNative(format, config, 0));
        } catch (VirtException e) {
            throw new CommandFailure(null, e);
        }
    }

    static void toNative(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String format = call.args().required("format");
        String xml = DefinitionCommands.read(call.args().required("xml"));
        try {
            call.print(call.connection().domainXmlToNative(format, xml, 0));
        } catch (VirtException e) {
            throw new CommandFailure(null, e);
        }
    }
}
