package org.jvirt.driver.qemu.internal;

import java.util.List;

import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceAddressSource;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.net.GuestNetworks;

/**
 * libvirt 9.0's qemuDomainInterfaceAddresses: the leases of the guest's virtual networks, the host's ARP
 * table, or the guest agent, which jvirt does not talk to (so it answers as libvirt does for a guest
 * whose agent is not there: "not configured", or "not connected" when the guest has its channel).
 */
final class InterfaceAddresses {
    private static final String AGENT_CHANNEL = "org.qemu.guest_agent.0";

    private InterfaceAddresses() {
    }

    static List<DomainInterface> of(QemuDomainObj dom, GuestNetworks networks, int source, int flags)
            throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuDomainInterfaceAddresses");
        DomainDef live;
        DomainState state;
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            live = dom.liveDef();
            state = dom.state().state();
        }
        if (source == InterfaceAddressSource.LEASE.value()) {
            return networks.leaseAddresses(live);
        }
        if (source == InterfaceAddressSource.ARP.value()) {
            return networks.arpAddresses(live);
        }
        if (source == InterfaceAddressSource.AGENT.value()) {
            if (state != DomainState.RUNNING) {
                throw QemuErrors.notRunning();
            }
            if (hasAgentChannel(live)) {
                throw new VirtException(ErrorCode.AGENT_UNRESPONSIVE, ErrorDomain.QEMU,
                        "QEMU guest agent is not connected");
            }
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
        throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                "Unknown IP address data source " + Integer.toUnsignedString(source));
    }

    /** libvirt's qemuFindAgentConfig: a virtio channel named for the agent. */
    private static boolean hasAgentChannel(DomainDef def) {
        for (CharDevice c : def.devices().charDevices()) {
            if ("channel".equals(c.elementName()) && c.target() != null && "virtio".equals(c.target().type())
                    && AGENT_CHANNEL.equals(c.target().name())) {
                return true;
            }
        }
        return false;
    }
}
