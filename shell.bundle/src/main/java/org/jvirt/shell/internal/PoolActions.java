package org.jvirt.shell.internal;

import java.util.Comparator;
import java.util.List;

import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageXmlFlag;
import org.jvirt.api.VirtException;

/** What virsh's {@code virsh-pool.c} commands do, with its messages. */
final class PoolActions {
    private static final String[] STATES = {"inactive", "building", "running", "degraded", "inaccessible"};

    private PoolActions() {
    }

    static void define(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        try {
            StoragePool p = call.connection().defineStoragePool(xml, 0);
            call.print("Pool " + p.name() + " defined from " + file + "\n");
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define pool from " + file, e);
        }
    }

    static void create(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        try {
            StoragePool p = call.connection().createStoragePool(xml, buildFlags(call));
            call.print("Pool " + p.name() + " created from " + file + "\n");
        } catch (VirtException e) {
            throw new CommandFailure("Failed to create pool from " + file, e);
        }
    }

    /** {@code pool-define-as NAME TYPE --target PATH} for the pool types with a target (dir, fs with --source-dev). */
    static void defineAs(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        String name = a.required("name");
        String type = a.required("type");
        StringBuilder xml = new StringBuilder("<pool type='").append(type).append("'>\n  <name>").append(name)
                .append("</name>\n");
        if (a.value("source-dev").isPresent() || a.value("source-format").isPresent()) {
            xml.append("  <source>\n");
            a.value("source-dev").ifPresent(d -> xml.append("    <device path='").append(d).append("'/>\n"));
            a.value("source-format").ifPresent(f -> xml.append("    <format type='").append(f).append("'/>\n"));
            xml.append("  </source>\n");
        }
        a.value("target").ifPresent(t -> xml.append("  <target>\n    <path>").append(t).append("</path>\n  </target>\n"));
        xml.append("</pool>\n");
        try {
            StoragePool p = call.connection().defineStoragePool(xml.toString(), 0);
            call.print("Pool " + p.name() + " defined\n");
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define pool " + name, e);
        }
    }

    static void build(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        change(() -> p.build(0), "Failed to build pool " + p.name());
        call.print("Pool " + p.name() + " built\n");
    }

    static void start(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        change(() -> p.create(buildFlags(call)), "Failed to start pool " + p.name());
        call.print("Pool " + p.name() + " started\n");
    }

    static void destroy(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        change(p::destroy, "Failed to destroy pool " + p.name());
        call.print("Pool " + p.name() + " destroyed\n");
    }

    static void delete(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        change(() -> p.delete(0), "Failed to delete pool " + p.name());
        call.print("Pool " + p.name() + " deleted\n");
    }

    static void undefine(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        change(p::undefine, "Failed to undefine pool " + p.name());
        call.print("Pool " + p.name() + " has been undefined\n");
    }

    static void refresh(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        change(() -> p.refresh(0), "Failed to refresh pool " + p.name());
        call.print("Pool " + p.name() + " refreshed\n");
    }

    static void autostart(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        boolean disable = call.args().flag("disable");
        change(() -> p.setAutostart(!disable), disable ? "failed to unmark pool " + p.name() + " as autostarted"
                : "failed to mark pool " + p.name() + " as autostarted");
        call.print("Pool " + p.name() + (disable ? " unmarked" : " marked") + " as autostarted\n");
    }

    static void info(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        StoragePool p = StorageLookup.pool(call, "pool");
        StoragePoolInfo i = p.info();
        StringBuilder b = new StringBuilder();
        line(b, "Name:", p.name());
        line(b, "UUID:", p.uuid().toString());
        line(b, "State:", STATES[i.state().number()]);
        line(b, "Persistent:", p.isPersistent() ? "yes" : "no");
        line(b, "Autostart:", p.autostart() ? "yes" : "no");
        if (i.state() == StoragePoolState.RUNNING || i.state() == StoragePoolState.DEGRADED) {
            line(b, "Capacity:", StorageLookup.pretty(i.capacity()));
            line(b, "Allocation:", StorageLookup.pretty(i.allocation()));
            line(b, "Available:", StorageLookup.pretty(i.available()));
        }
        call.print(b.toString());
    }

    static void dumpxml(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        StoragePool p = StorageLookup.pool(call, "pool");
        call.print(p.xmlDesc(call.args().flag("inactive") ? StorageXmlFlag.INACTIVE.bit() : 0));
    }

    static void list(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        int flags = a.flag("all") ? 0 : a.flag("inactive") ? StoragePoolListFlag.INACTIVE.bit() : StoragePoolListFlag.ACTIVE.bit();
        List<StoragePool> pools;
        try {
            pools = call.connection().listAllStoragePools(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list pools", e);
        }
        VshTable table = new VshTable("Name", "State", "Autostart");
        for (StoragePool p : pools.stream().sorted(Comparator.comparing(StoragePool::name)).toList()) {
            try {
                table.row(p.name(), p.isActive() ? "active" : "inactive", p.autostart() ? "yes" : "no");
            } catch (VirtException e) {
                continue; // gone while listing, as virsh skips it
            }
        }
        call.print(table.render());
    }

    private static int buildFlags(Invocation call) {
        ParsedArgs a = call.args();
        return (a.flag("build") ? 1 : 0) | (a.flag("overwrite") ? 2 : 0) | (a.flag("no-overwrite") ? 4 : 0);
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("%-15s %s", label, value)).append('\n');
    }

    /** A pool change whose failure virsh reports with {@code message}. */
    @FunctionalInterface
    interface Change {
        void run() throws VirtException;
    }

    static void change(Change c, String message) throws CommandFailure {
        try {
            c.run();
        } catch (VirtException e) {
            throw new CommandFailure(message, e);
        }
    }
}
