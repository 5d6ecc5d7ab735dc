package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NetworkPortCreateFlag;
import org.jvirt.api.VirtException;

/** What virsh 9.0's {@code net-port-*} commands do (virsh-network.c), with its messages. */
final class NetworkPortActions {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{12}");

    private NetworkPortActions() {
    }

    /** net-port-list: the ports' UUIDs sorted, in virsh's table or one a line with {@code --uuid}. */
    static void list(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        boolean uuidOnly = call.args().flag("uuid");
        if (uuidOnly && call.args().flag("table")) {
            throw new CommandFailure("Options --table and --uuid are mutually exclusive", null);
        }
        Network n = NetworkActions.network(call);
        List<String> uuids = new ArrayList<>();
        try {
            for (NetworkPort p : n.listAllPorts(0)) {
                uuids.add(p.uuid().toString());
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list network ports", e);
        }
        uuids.sort(null);
        if (uuidOnly) {
            uuids.forEach(u -> call.print(u + "\n"));
            return;
        }
        VshTable table = new VshTable("UUID");
        uuids.forEach(table::row);
        call.print(table.render());
    }

    static void create(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        Network n = NetworkActions.network(call);
        NetworkPort port;
        try {
            port = n.createPort(xml, call.args().flag("validate") ? NetworkPortCreateFlag.VALIDATE.bit() : 0);
        } catch (VirtException e) {
            // virsh 9.0's wording, "network" and all
            throw new CommandFailure("Failed to create network from " + file, e);
        }
        call.print("Network port " + port.uuid() + " created from " + file + "\n");
    }

    static void dumpxml(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        call.print(port(call, NetworkActions.network(call)).xmlDesc(0));
    }

    static void delete(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        NetworkPort port = port(call, NetworkActions.network(call));
        try {
            port.delete(0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to delete network port " + port.uuid(), e);
        }
        call.print("Network port " + port.uuid() + " deleted\n");
    }

    /** virsh's virshCommandOptNetworkPort: by UUID only (virNetworkPortLookupByUUIDString). */
    private static NetworkPort port(Invocation call, Network n) throws CommandFailure {
        String text = call.args().required("port");
        try {
            if (!UUID_TEXT.matcher(text).matches()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NETWORK,
                        "uuidstr in virNetworkPortLookupByUUIDString must be a valid UUID");
            }
            String plain = text.replace("-", "");
            UUID uuid = new UUID(Long.parseUnsignedLong(plain.substring(0, 16), 16),
                    Long.parseUnsignedLong(plain.substring(16), 16));
            return n.lookupPortByUuid(uuid);
        } catch (VirtException e) {
            throw new CommandFailure("failed to get network port '" + text + "'", e);
        }
    }
}
