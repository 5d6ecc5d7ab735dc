package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.DomainFormat.ListRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:list} (virsh's {@code list}) and {@code virt:drivers} (the installed drivers).
 * <p>
 * Gogo and Karaf both run commands with {@code System.out}/{@code System.err} bound to the calling
 * session (Gogo's ThreadIO), so that is where a command's text goes; it is not logging.
 */
@Component(service = ListCommands.class, property = {
        Scope.PROPERTY, "osgi.command.function=list", "osgi.command.function=drivers"})
public final class ListCommands {

    static final CommandSpec LIST = CommandSpec.of("list", flag("inactive"), flag("all"),
            flag("uuid"), flag("name"), flag("id"), flag("table"));
    static final CommandSpec DRIVERS = CommandSpec.of("drivers");

    private final CommandRunner runner;

    @Activate
    public ListCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("list domains, as virsh list: [-c URI] [--all] [--inactive] [--name] [--uuid] [--id]")
    public void list(String... args) {
        runner.run(LIST, args, ListCommands::list, System.out, System.err);
    }

    @Descriptor("list the installed hypervisor drivers and the URI schemes they serve")
    public void drivers(String... args) {
        runner.run(DRIVERS, args, ListCommands::drivers, System.out, System.err);
    }

    static void list(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs args = call.args();
        int flags = ListFlag.ACTIVE.bit();
        if (args.flag("inactive")) {
            flags = ListFlag.INACTIVE.bit();
        }
        if (args.flag("all")) {
            flags = ListFlag.ACTIVE.bit() | ListFlag.INACTIVE.bit();
        }
        boolean uuid = args.flag("uuid");
        boolean name = args.flag("name");
        boolean id = args.flag("id");
        if (args.flag("table") && (name || id)) {
            throw new CommandFailure("Options --table and --" + (name ? "name" : "id")
                    + " are mutually exclusive", null);
        }
        Connection conn = call.connection();
        List<Domain> domains;
        try {
            domains = conn.listAllDomains(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list domains", e);
        }
        List<Row> rows = new ArrayList<>();
        for (Domain d : domains) {
            try {
                rows.add(new Row(new ListRow(d.id(), d.name(), d.state()), d));
            } catch (VirtException e) {
                continue; // the domain went away meanwhile: virsh skips it too
            }
        }
        List<ListRow> sorted = DomainFormat.sortForList(rows.stream().map(Row::row).toList());
        if (!uuid && !name && !id) {
            call.print(DomainFormat.list(sorted));
        } else if (uuid && !name && !id && args.flag("table")) {
            call.print(uuidTable(sorted, rows));
        } else {
            call.print(plain(sorted, rows, uuid, id, name));
        }
    }

    private record Row(ListRow row, Domain domain) {
    }

    private static String uuidTable(List<ListRow> sorted, List<Row> rows) {
        VshTable table = new VshTable("Id", "Name", "State", "UUID");
        for (ListRow r : sorted) {
            table.row(r.id() < 0 ? "-" : Integer.toString(r.id()), r.name(), r.state().state().label(),
                    domainOf(r, rows).uuid().toString());
        }
        return table.render();
    }

    /** {@code --uuid}, {@code --id}, {@code --name}: the chosen fields, space separated. */
    private static String plain(List<ListRow> sorted, List<Row> rows, boolean uuid, boolean id, boolean name) {
        StringBuilder sb = new StringBuilder();
        for (ListRow r : sorted) {
            if (id && !uuid && !name && r.id() < 0) {
                continue; // IDs only: inactive domains have none
            }
            List<String> fields = new ArrayList<>();
            if (uuid) {
                fields.add(domainOf(r, rows).uuid().toString());
            }
            if (id) {
                fields.add(r.id() < 0 ? "-" : Integer.toString(r.id()));
            }
            if (name) {
                fields.add(r.name());
            }
            sb.append(String.join(" ", fields)).append('\n');
        }
        return sb.toString();
    }

    private static Domain domainOf(ListRow r, List<Row> rows) {
        return rows.stream().filter(x -> x.row() == r).findFirst().orElseThrow().domain();
    }

    static void drivers(Invocation call) {
        VshTable table = new VshTable("Name", "Schemes", "Ranking", "Bundle");
        for (DriverInfo d : call.factory().drivers()) {
            table.row(d.name(), String.join(",", d.schemes()), Integer.toString(d.ranking()), d.bundle());
        }
        call.print(table.render());
    }
}
