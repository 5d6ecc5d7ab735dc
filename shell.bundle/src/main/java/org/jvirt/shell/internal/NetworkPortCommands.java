package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;
import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.io.PrintStream;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:net-port-list}, {@code net-port-create}, {@code net-port-dumpxml} and {@code net-port-delete}:
 * a running network's ports, with virsh 9.0's options, output and messages.
 */
@Component(service = NetworkPortCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=net-port-list", "osgi.command.function=net-port-create",
        "osgi.command.function=net-port-dumpxml", "osgi.command.function=net-port-delete"})
public final class NetworkPortCommands {

    static final CommandSpec LIST = CommandSpec.of("net-port-list", data("network"), flag("uuid"), flag("table"));
    static final CommandSpec CREATE = CommandSpec.of("net-port-create", data("network"), data("file"),
            flag("validate"));
    static final CommandSpec DUMPXML = CommandSpec.of("net-port-dumpxml", data("network"), data("port"));
    static final CommandSpec DELETE = CommandSpec.of("net-port-delete", data("network"), data("port"));

    private static final Map<String, CommandSpec> SPECS = Map.of(LIST.name(), LIST, CREATE.name(), CREATE,
            DUMPXML.name(), DUMPXML, DELETE.name(), DELETE);
    private static final Map<String, CommandRunner.Action> ACTIONS = Map.of(LIST.name(), NetworkPortActions::list,
            CREATE.name(), NetworkPortActions::create, DUMPXML.name(), NetworkPortActions::dumpxml,
            DELETE.name(), NetworkPortActions::delete);

    private final CommandRunner runner;

    @Activate
    public NetworkPortCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's net-port-list <network> [--uuid] [--table], net-port-create <network> <file> [--validate],"
            + " net-port-dumpxml <network> <port>, net-port-delete <network> <port>: [-c URI] ...")
    public void _main(String command, String... args) {
        run(command, args, System.out, System.err);
    }

    /** Runs port command {@code command}; false when it failed (or is not one). */
    boolean run(String command, String[] args, PrintStream out, PrintStream err) {
        CommandSpec spec = SPECS.get(command);
        if (spec == null) {
            err.print("error: unknown command: '" + command + "'\n");
            return false;
        }
        return runner.run(spec, args, ACTIONS.get(command), out, err);
    }
}
