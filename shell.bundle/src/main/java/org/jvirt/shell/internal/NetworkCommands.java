package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;
import static org.jvirt.shell.internal.CommandSpec.Option.flag;
import static org.jvirt.shell.internal.CommandSpec.Option.value;

import java.io.PrintStream;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * virsh's network commands: {@code virt:net-define FILE}, {@code net-create FILE}, {@code net-start},
 * {@code net-destroy}, {@code net-undefine}, {@code net-autostart [--disable]}, {@code net-info},
 * {@code net-dumpxml [--inactive]}, {@code net-uuid}, {@code net-name}, {@code net-dhcp-leases [--mac]}
 * and {@code net-list [--all|--inactive] [--persistent|--transient] [--autostart|--no-autostart]
 * [--name|--uuid]}, each with {@code -c URI}. Gogo calls {@code _main} with the name first.
 */
@Component(service = NetworkCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=net-define", "osgi.command.function=net-create", "osgi.command.function=net-start",
        "osgi.command.function=net-destroy", "osgi.command.function=net-undefine",
        "osgi.command.function=net-autostart", "osgi.command.function=net-info", "osgi.command.function=net-dumpxml",
        "osgi.command.function=net-uuid", "osgi.command.function=net-name", "osgi.command.function=net-list",
        "osgi.command.function=net-dhcp-leases"})
public final class NetworkCommands {

    static final CommandSpec DEFINE = CommandSpec.of("net-define", data("file"), flag("validate"));
    static final CommandSpec CREATE = CommandSpec.of("net-create", data("file"), flag("validate"));
    static final CommandSpec START = CommandSpec.of("net-start", data("network"));
    static final CommandSpec DESTROY = CommandSpec.of("net-destroy", data("network"));
    static final CommandSpec UNDEFINE = CommandSpec.of("net-undefine", data("network"));
    static final CommandSpec AUTOSTART = CommandSpec.of("net-autostart", data("network"), flag("disable"));
    static final CommandSpec INFO = CommandSpec.of("net-info", data("network"));
    static final CommandSpec DUMPXML = CommandSpec.of("net-dumpxml", data("network"), flag("inactive"));
    static final CommandSpec UUID = CommandSpec.of("net-uuid", data("network"));
    static final CommandSpec NAME = CommandSpec.of("net-name", data("network"));
    static final CommandSpec LIST = CommandSpec.of("net-list", flag("all"), flag("inactive"), flag("persistent"),
            flag("transient"), flag("autostart"), flag("no-autostart"), flag("name"), flag("uuid"), flag("table"));
    static final CommandSpec LEASES = CommandSpec.of("net-dhcp-leases", data("network"), value("mac"));

    private static final Map<String, CommandSpec> SPECS = Map.ofEntries(
            Map.entry(DEFINE.name(), DEFINE), Map.entry(CREATE.name(), CREATE), Map.entry(START.name(), START),
            Map.entry(DESTROY.name(), DESTROY), Map.entry(UNDEFINE.name(), UNDEFINE),
            Map.entry(AUTOSTART.name(), AUTOSTART), Map.entry(INFO.name(), INFO), Map.entry(DUMPXML.name(), DUMPXML),
            Map.entry(UUID.name(), UUID), Map.entry(NAME.name(), NAME), Map.entry(LIST.name(), LIST),
            Map.entry(LEASES.name(), LEASES));
    private static final Map<String, CommandRunner.Action> ACTIONS = Map.ofEntries(
            Map.entry(DEFINE.name(), NetworkActions::define), Map.entry(CREATE.name(), NetworkActions::create),
            Map.entry(START.name(), NetworkActions::start), Map.entry(DESTROY.name(), NetworkActions::destroy),
            Map.entry(UNDEFINE.name(), NetworkActions::undefine),
            Map.entry(AUTOSTART.name(), NetworkActions::autostart), Map.entry(INFO.name(), NetworkActions::info),
            Map.entry(DUMPXML.name(), NetworkActions::dumpxml), Map.entry(UUID.name(), NetworkActions::uuid),
            Map.entry(NAME.name(), NetworkActions::name), Map.entry(LIST.name(), NetworkListing::list),
            Map.entry(LEASES.name(), NetworkListing::leases));

    private final CommandRunner runner;

    @Activate
    public NetworkCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's net-define, net-create, net-start, net-destroy, net-undefine, net-autostart, net-info,"
            + " net-dumpxml, net-uuid, net-name, net-list and net-dhcp-leases: [-c URI] ...")
    public void _main(String command, String... args) {
        run(command, args, System.out, System.err);
    }

    /** Runs network command {@code command}; false when it failed (or is not one). */
    boolean run(String command, String[] args, PrintStream out, PrintStream err) {
        CommandSpec spec = SPECS.get(command);
        if (spec == null) {
            err.print("error: unknown command: '" + command + "'\n");
            return false;
        }
        return runner.run(spec, args, ACTIONS.get(command), out, err);
    }
}
