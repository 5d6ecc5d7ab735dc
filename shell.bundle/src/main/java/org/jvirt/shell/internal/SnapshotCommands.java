package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;
import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.Flag;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandSpec.Kind;
import org.jvirt.shell.internal.CommandSpec.Option;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * virsh's snapshot commands: {@code snapshot-create-as}, {@code snapshot-list} ({@code --name},
 * {@code --roots}, {@code --leaves}, else virsh's table), {@code snapshot-current --name},
 * {@code snapshot-dumpxml}, {@code snapshot-revert} and {@code snapshot-delete}
 * ({@code --children}, {@code --metadata}), printing what virsh prints.
 */
@Component(service = SnapshotCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=snapshot-create-as", "osgi.command.function=snapshot-list",
        "osgi.command.function=snapshot-current", "osgi.command.function=snapshot-dumpxml",
        "osgi.command.function=snapshot-revert", "osgi.command.function=snapshot-delete"})
public final class SnapshotCommands {
    private static final Option NAME = new Option("name", Kind.STRING, true, false);
    private static final Option DESCRIPTION = new Option("description", Kind.STRING, true, false);
    static final List<CommandSpec> SPECS = List.of(
            CommandSpec.onDomain("snapshot-create-as", NAME, DESCRIPTION, flag("disk-only"), flag("quiesce"),
                    flag("no-metadata")),
            CommandSpec.onDomain("snapshot-list", flag("name"), flag("roots"), flag("leaves")),
            CommandSpec.onDomain("snapshot-current", flag("name")),
            CommandSpec.onDomain("snapshot-dumpxml", data("snapshotname")),
            CommandSpec.onDomain("snapshot-revert", data("snapshotname")),
            CommandSpec.onDomain("snapshot-delete", data("snapshotname"), flag("children"), flag("metadata")));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private final CommandRunner runner;

    @Activate
    public SnapshotCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's snapshot-create-as, snapshot-list, snapshot-current, snapshot-dumpxml, snapshot-revert,"
            + " snapshot-delete: <domain> ... [-c URI]")
    public void _main(String command, String... args) {
        run(command, args, System.out, System.err);
    }

    boolean run(String command, String[] args, PrintStream out, PrintStream err) {
        for (CommandSpec spec : SPECS) {
            if (spec.name().equals(command)) {
                return runner.run(spec, args, call -> act(spec.name(), call), out, err);
            }
        }
        err.print("error: unknown command: '" + command + "'\n");
        return false;
    }

    private static void act(String command, Invocation call)
            throws VirtException, CommandFailure, Invocation.ConnectFailure {
        Domain dom = call.domain();
        ParsedArgs args = call.args();
        switch (command) {
            case "snapshot-create-as" -> {
                int flags = (args.flag("disk-only") ? SnapshotCreateFlag.DISK_ONLY.bit() : 0)
                        | (args.flag("quiesce") ? SnapshotCreateFlag.QUIESCE.bit() : 0)
                        | (args.flag("no-metadata") ? SnapshotCreateFlag.NO_METADATA.bit() : 0);
                DomainSnapshot s = dom.snapshotCreateXml(createXml(args.value("name").orElse(null),
                        args.value("description").orElse(null)), flags);
                call.print("Domain snapshot " + s.name() + " created\n");
            }
            case "snapshot-list" -> list(call, dom, args);
            case "snapshot-current" -> call.print(args.flag("name") ? dom.snapshotCurrent(0).name() + "\n"
                    : dom.snapshotCurrent(0).xmlDesc(0));
            case "snapshot-dumpxml" -> call.print(snapshot(dom, args).xmlDesc(0));
            case "snapshot-revert" -> snapshot(dom, args).revert(0);
            default -> { // snapshot-delete
                DomainSnapshot s = snapshot(dom, args);
                int flags = (args.flag("children") ? SnapshotDeleteFlag.CHILDREN.bit() : 0)
                        | (args.flag("metadata") ? SnapshotDeleteFlag.METADATA_ONLY.bit() : 0);
                s.delete(flags);
                // virsh's cmdSnapshotDelete says "children deleted" only for --children-only
                call.print("Domain snapshot " + s.name() + " deleted\n");
            }
        }
    }

    private static DomainSnapshot snapshot(Domain dom, ParsedArgs args) throws VirtException {
        return dom.snapshotLookupByName(args.required("snapshotname"), 0);
    }

    /** virsh's document: name and description when given, escaped. */
    static String createXml(String name, String description) {
        StringBuilder b = new StringBuilder("<domainsnapshot>\n");
        if (name != null) {
            b.append("  <name>").append(escape(name)).append("</name>\n");
        }
        if (description != null) {
            b.append("  <description>").append(escape(description)).append("</description>\n");
        }
        return b.append("</domainsnapshot>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void list(Invocation call, Domain dom, ParsedArgs args) throws VirtException {
        int flags = (args.flag("roots") ? SnapshotListFlag.ROOTS.bit() : 0)
                | (args.flag("leaves") ? SnapshotListFlag.LEAVES.bit() : 0);
        List<DomainSnapshot> all = dom.listAllSnapshots(flags).stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        if (args.flag("name")) {
            StringBuilder b = new StringBuilder();
            all.forEach(s -> b.append(s.name()).append('\n'));
            call.print(b.toString());
            return;
        }
        VshTable table = new VshTable("Name", "Creation Time", "State");
        for (DomainSnapshot s : all) {
            String xml = s.xmlDesc(0);
            String created = element(xml, "creationTime");
            table.row(s.name(), created == null ? "" : TIME.format(
                    Instant.ofEpochSecond(Long.parseLong(created)).atZone(ZoneId.systemDefault())),
                    element(xml, "state") == null ? "" : element(xml, "state"));
        }
        call.print(table.render());
    }

    /** The text of the first {@code <name>} element of a snapshot document (no nested ones there). */
    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
