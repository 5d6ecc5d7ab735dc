package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;
import static org.jvirt.shell.internal.CommandSpec.Option.flag;
import static org.jvirt.shell.internal.CommandSpec.Option.value;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * virsh's storage commands: {@code virt:pool-define}, {@code pool-define-as}, {@code pool-create},
 * {@code pool-build}, {@code pool-start}, {@code pool-destroy}, {@code pool-delete},
 * {@code pool-undefine}, {@code pool-refresh}, {@code pool-autostart}, {@code pool-info},
 * {@code pool-dumpxml}, {@code pool-list}, {@code vol-create-as}, {@code vol-create},
 * {@code vol-clone}, {@code vol-list}, {@code vol-info}, {@code vol-dumpxml}, {@code vol-path},
 * {@code vol-delete}, {@code vol-wipe} and {@code vol-resize}, each with {@code -c URI}.
 */
@Component(service = StorageCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=pool-define", "osgi.command.function=pool-define-as",
        "osgi.command.function=pool-create", "osgi.command.function=pool-build", "osgi.command.function=pool-start",
        "osgi.command.function=pool-destroy", "osgi.command.function=pool-delete",
        "osgi.command.function=pool-undefine", "osgi.command.function=pool-refresh",
        "osgi.command.function=pool-autostart", "osgi.command.function=pool-info",
        "osgi.command.function=pool-dumpxml", "osgi.command.function=pool-list",
        "osgi.command.function=vol-create-as", "osgi.command.function=vol-create", "osgi.command.function=vol-clone",
        "osgi.command.function=vol-list", "osgi.command.function=vol-info", "osgi.command.function=vol-dumpxml",
        "osgi.command.function=vol-path", "osgi.command.function=vol-delete", "osgi.command.function=vol-wipe",
        "osgi.command.function=vol-resize"})
public final class StorageCommands {
    private static final Map<String, CommandSpec> SPECS = new TreeMap<>();
    private static final Map<String, CommandRunner.Action> ACTIONS = new TreeMap<>();

    static {
        CommandSpec.Option build = flag("build");
        CommandSpec.Option overwrite = flag("overwrite");
        CommandSpec.Option noOverwrite = flag("no-overwrite");
        add(CommandSpec.of("pool-define", data("file")), PoolActions::define);
        add(CommandSpec.of("pool-define-as", data("name"), data("type"), value("source-host"), value("source-path"),
                value("source-dev"), value("source-name"), data("target"), value("source-format")), PoolActions::defineAs);
        add(CommandSpec.of("pool-create", data("file"), build, overwrite, noOverwrite), PoolActions::create);
        add(CommandSpec.of("pool-build", data("pool"), overwrite, noOverwrite), PoolActions::build);
        add(CommandSpec.of("pool-start", data("pool"), build, overwrite, noOverwrite), PoolActions::start);
        add(CommandSpec.of("pool-destroy", data("pool")), PoolActions::destroy);
        add(CommandSpec.of("pool-delete", data("pool")), PoolActions::delete);
        add(CommandSpec.of("pool-undefine", data("pool")), PoolActions::undefine);
        add(CommandSpec.of("pool-refresh", data("pool")), PoolActions::refresh);
        add(CommandSpec.of("pool-autostart", data("pool"), flag("disable")), PoolActions::autostart);
        add(CommandSpec.of("pool-info", data("pool"), flag("bytes")), PoolActions::info);
        add(CommandSpec.of("pool-dumpxml", data("pool"), flag("inactive")), PoolActions::dumpxml);
        add(CommandSpec.of("pool-list", flag("all"), flag("inactive")), PoolActions::list);
        add(CommandSpec.of("vol-create-as", data("pool"), data("name"), data("capacity"), value("allocation"),
                value("format"), value("backing-vol"), value("backing-vol-format"), flag("prealloc-metadata")),
                VolActions::createAs);
        add(CommandSpec.of("vol-create", data("pool"), data("file"), flag("prealloc-metadata")), VolActions::create);
        add(CommandSpec.of("vol-clone", data("vol"), data("newname"), value("pool"), flag("prealloc-metadata")),
                VolActions::cloneVol);
        add(CommandSpec.of("vol-list", data("pool")), VolActions::list);
        add(CommandSpec.of("vol-info", data("vol"), value("pool")), VolActions::info);
        add(CommandSpec.of("vol-dumpxml", data("vol"), value("pool")), VolActions::dumpxml);
        add(CommandSpec.of("vol-path", data("vol"), value("pool")), VolActions::path);
        add(CommandSpec.of("vol-delete", data("vol"), value("pool")), VolActions::delete);
        add(CommandSpec.of("vol-wipe", data("vol"), value("pool")), VolActions::wipe);
        add(CommandSpec.of("vol-resize", data("vol"), data("capacity"), value("pool"), flag("allocate"), flag("delta"),
                flag("shrink")), VolActions::resize);
    }

    private final CommandRunner runner;

    @Activate
    public StorageCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    private static void add(CommandSpec spec, CommandRunner.Action action) {
        SPECS.put(spec.name(), spec);
        ACTIONS.put(spec.name(), action);
    }

    /** The command names this component serves. */
    static List<String> names() {
        return List.copyOf(SPECS.keySet());
    }

    @Descriptor("virsh's pool-* and vol-* commands: [-c URI] ...")
    public void _main(String command, String... args) {
        run(command, args, System.out, System.err);
    }

    /** Runs storage command {@code command}; false when it failed (or is not one). */
    boolean run(String command, String[] args, PrintStream out, PrintStream err) {
        CommandSpec spec = SPECS.get(command);
        if (spec == null) {
            err.print("error: unknown command: '" + command + "'\n");
            return false;
        }
        return runner.run(spec, args, ACTIONS.get(command), out, err);
    }
}
