package org.jvirt.network.internal;

import java.util.UUID;

import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDefinition;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkXmlFormatter;

/** A {@link NetworkDef} handed to another driver through {@link NetworkConfComponent}. */
record ParsedNetwork(NetworkDef def, DhcpHostEdit edit) implements NetworkDefinition {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return def.uuid();
    }

    @Override
    public String bridgeName() {
        return def.bridgeName();
    }

    @Override
    public String format(int flags) {
        return NetworkXmlFormatter.format(def, flags);
    }

    @Override
    public IpAddress firstIp() {
        if (def.ips().isEmpty()) {
            return null;
        }
        IpDef ip = def.ips().get(0);
        String start = ip.ranges().isEmpty() ? null : ip.ranges().get(0).start().format();
        return new IpAddress(ip.address().isV6() ? 1 : 0, ip.address().format(), ip.effectivePrefix(), start);
    }

    @Override
    public NetworkDefinition update(NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex,
                                    String xml) throws VirtException {
        DhcpHostEdit.checkSection(section, def.name());
        return new ParsedNetwork(edit.apply(def, command, parentIndex, xml), edit);
    }
}
