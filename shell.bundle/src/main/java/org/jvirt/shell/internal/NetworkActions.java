package org.jvirt.shell.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jvirt.api.Connection;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkXmlFlag;
import org.jvirt.api.VirtException;

/** What virsh's {@code virsh-network.c} commands do, with its messages. */
final class NetworkActions {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private NetworkActions() {
    }

    static void define(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        Network n;
        try {
            n = call.connection().defineNetwork(xml, call.args().flag("validate") ? 1 : 0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define network from " + file, e);
        }
        call.print("Network " + n.name() + " defined from " + file + "\n");
    }

    static void create(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        Network n;
        try {
            n = call.connection().createNetwork(xml, call.args().flag("validate") ? 1 : 0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to create network from " + file, e);
        }
        call.print("Network " + n.name() + " created from " + file + "\n");
    }

    static void start(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Network n = network(call);
        try {
            n.create(0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to start network " + n.name(), e);
        }
        call.print("Network " + n.name() + " started\n");
    }

    static void destroy(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Network n = network(call);
        try {
            n.destroy();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to destroy network " + n.name(), e);
        }
        call.print("Network " + n.name() + " destroyed\n");
    }

    static void undefine(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Network n = network(call);
        try {
            n.undefine();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to undefine network " + n.name(), e);
        }
        call.print("Network " + n.name() + " has been undefined\n");
    }

    static void autostart(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Network n = network(call);
        boolean on = !call.args().flag("disable");
        try {
            n.setAutostart(on);
        } catch (VirtException e) {
            throw new CommandFailure((on ? "failed to mark network " : "failed to unmark network ") + n.name()
                    + " as autostarted", e);
        }
        call.print("Network " + n.name() + (on ? " marked" : " unmarked") + " as autostarted\n");
    }

    static void info(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        Network n = network(call);
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-15s %s%n", "Name:", n.name()));
        s.append(String.format("%-15s %s%n", "UUID:", n.uuid()));
        s.append(String.format("%-15s %s%n", "Active:", n.isActive() ? "yes" : "no"));
        s.append(String.format("%-15s %s%n", "Persistent:", n.isPersistent() ? "yes" : "no"));
        s.append(String.format("%-15s %s%n", "Autostart:", n.autostart() ? "yes" : "no"));
        try {
            s.append(String.format("%-15s %s%n", "Bridge:", n.bridgeName()));
        } catch (VirtException e) {
            // virsh prints no Bridge line for a network without one
        }
        call.print(s.toString());
    }

    static void dumpxml(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        call.print(network(call).xmlDesc(call.args().flag("inactive") ? NetworkXmlFlag.INACTIVE.bit() : 0));
    }

    static void uuid(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        call.print(network(call).uuid() + "\n");
    }

    static void name(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String text = call.args().required("network");
        try {
            if (!UUID_TEXT.matcher(text).matches()) {
                throw new VirtException(org.jvirt.api.ErrorCode.INVALID_ARG.number(),
                        org.jvirt.api.ErrorDomain.NETWORK.number(),
                        "uuidstr in virNetworkLookupByUUIDString must be a valid UUID");
            }
            call.print(call.connection().lookupNetworkByUuid(UUID.fromString(text)).name() + "\n");
        } catch (VirtException e) {
            throw new CommandFailure("failed to get network '" + text + "'", e);
        }
    }

    /** virsh's {@code virshCommandOptNetworkBy}: as a UUID when it reads as one, else by name. */
    static Network network(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String text = call.args().required("network");
        Connection conn = call.connection();
        try {
            if (UUID_TEXT.matcher(text).matches()) {
                try {
                    return conn.lookupNetworkByUuid(UUID.fromString(text));
                } catch (VirtException e) {
                    // virsh tries the name next
                }
            }
            return conn.lookupNetworkByName(text);
        } catch (VirtException e) {
            throw new CommandFailure("failed to get network '" + text + "'", e);
        }
    }
}
