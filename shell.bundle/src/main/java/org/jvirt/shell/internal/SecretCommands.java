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
 * virsh's secret commands: {@code virt:secret-define FILE}, {@code secret-undefine},
 * {@code secret-dumpxml}, {@code secret-list [--ephemeral|--no-ephemeral] [--private|--no-private]},
 * {@code secret-set-value SECRET (--base64 B64 | --file FILE [--plain])} and
 * {@code secret-get-value SECRET [--plain]}, each with {@code -c URI}. Gogo calls one method for
 * names it cannot spell as Java methods (the hyphen): {@code _main}, with the name first.
 */
@Component(service = SecretCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=secret-define", "osgi.command.function=secret-undefine",
        "osgi.command.function=secret-dumpxml", "osgi.command.function=secret-list",
        "osgi.command.function=secret-set-value", "osgi.command.function=secret-get-value"})
public final class SecretCommands {

    static final CommandSpec DEFINE = CommandSpec.of("secret-define", data("file"), flag("validate"));
    static final CommandSpec UNDEFINE = CommandSpec.of("secret-undefine", data("secret"));
    static final CommandSpec DUMPXML = CommandSpec.of("secret-dumpxml", data("secret"));
    static final CommandSpec LIST = CommandSpec.of("secret-list", flag("ephemeral"), flag("no-ephemeral"),
            flag("private"), flag("no-private"));
    static final CommandSpec SET_VALUE = CommandSpec.of("secret-set-value", data("secret"), value("file"),
            flag("plain"), value("base64"));
    static final CommandSpec GET_VALUE = CommandSpec.of("secret-get-value", data("secret"), flag("plain"));

    private static final Map<String, CommandSpec> SPECS = Map.of(DEFINE.name(), DEFINE, UNDEFINE.name(), UNDEFINE,
            DUMPXML.name(), DUMPXML, LIST.name(), LIST, SET_VALUE.name(), SET_VALUE, GET_VALUE.name(), GET_VALUE);
    private static final Map<String, CommandRunner.Action> ACTIONS = Map.of(
            DEFINE.name(), SecretActions::define, UNDEFINE.name(), SecretActions::undefine,
            DUMPXML.name(), SecretActions::dumpxml, LIST.name(), SecretActions::list,
            SET_VALUE.name(), SecretActions::setValue, GET_VALUE.name(), SecretActions::getValue);

    private final CommandRunner runner;

    @Activate
    public SecretCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's secret-define, secret-undefine, secret-dumpxml, secret-list, secret-set-value and"
            + " secret-get-value: [-c URI] ...")
    public void _main(String command, String... args) {
        run(command, args, System.out, System.err);
    }

    /** Runs secret command {@code command}; false when it failed (or is not one). */
    boolean run(String command, String[] args, PrintStream out, PrintStream err) {
        CommandSpec spec = SPECS.get(command);
        if (spec == null) {
            err.print("error: unknown command: '" + command + "'\n");
            return false;
        }
        return runner.run(spec, args, ACTIONS.get(command), out, err);
    }
}
