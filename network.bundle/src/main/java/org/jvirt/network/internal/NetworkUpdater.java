package org.jvirt.network.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateFlag;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkXmlFormatter;
import org.jvirt.network.internal.conf.NetworkXmlParser;

/**
 * {@code virNetworkUpdate} for the section jvirt supports, the DHCP hosts
 * ({@code net-update NET add|delete|modify ip-dhcp-host}), live (dnsmasq re-reads its hosts file on
 * SIGHUP) and in the persistent definition. Called under the service's lock.
 */
final class NetworkUpdater {
    private final DhcpHostEdit edit;
    private final NetworkRecords records;
    private final NetworkRuntime runtime;

    NetworkUpdater(NetworkXmlParser parser, NetworkRecords records, NetworkRuntime runtime) {
        this.edit = new DhcpHostEdit(parser);
        this.records = records;
        this.runtime = runtime;
    }

    void update(NetworkObj obj, NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex,
                String xml, int flags) throws VirtException {
        NetworkService.checkFlags(flags, NetworkUpdateFlag.LIVE.bit() | NetworkUpdateFlag.CONFIG.bit(),
                "networkUpdate");
        String name = obj.def.name();
        DhcpHostEdit.checkSection(section, name);
        boolean live = (flags & NetworkUpdateFlag.LIVE.bit()) != 0;
        boolean config = (flags & NetworkUpdateFlag.CONFIG.bit()) != 0;
        if (!live && !config) {
            live = obj.active;
            config = !obj.active;
        }
        if (live && !obj.active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network '" + name
                    + "' is not active");
        }
        if (config && obj.persistent == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "cannot change persistent config of a transient network");
        }
        // check both before changing either, so that a refused change leaves both as they were
        NetworkDef newLive = live ? edit.apply(obj.def, command, parentIndex, xml) : null;
        NetworkDef base = obj.next != null ? obj.next : obj.persistent;
        NetworkDef newConfig = config ? edit.apply(base, command, parentIndex, xml) : null;
        if (newConfig != null) {
            records.writeConfig(newConfig.uuid(), NetworkXmlFormatter.format(newConfig, NetworkXmlFormatter.INACTIVE));
            obj.persistent = newConfig;
            if (obj.active) {
                obj.next = newConfig;
            } else {
                obj.def = newConfig;
            }
        }
        if (newLive != null) {
            runtime.reloadHosts(newLive, obj.dnsmasqPid);
            records.writeStatus(newLive.uuid(), NetworkXmlFormatter.format(newLive, 0), obj.dnsmasqPid);
            obj.def = newLive;
        }
    }

}
