package org.jvirt.driver.lxc.internal;

import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interface's {@code <bandwidth>} on the host end of its veth, as libvirt's
 * virLXCProcessSetupInterfaces does it once the pair exists: virNetDevBandwidthSet with no hierarchy,
 * swapped unless the interface shares the host's view ({@code type='ethernet'}: its host end is the
 * host's own device, so its inbound is the host's). The host's traffic control is the network driver's
 * ({@link NetworkDriverConnection#setInterfaceBandwidth}). At the stop the QoS goes with the device; a
 * host end still there is cleared.
 */
final class VethQos {
    private static final Logger LOG = LoggerFactory.getLogger(VethQos.class);

    private final Supplier<NetworkDriver> networks;

    VethQos(Supplier<NetworkDriver> networks) {
        this.networks = networks;
    }

    /** Shapes the host ends of the running container's interfaces with a bandwidth ({@code <target dev>} set). */
    void apply(DomainDef live) throws VirtException {
        if (live.devices().interfaces().stream().noneMatch(VethQos::shaped)) {
            return;
        }
        NetworkDriver driver = networks.get();
        if (driver == null) {
            // nothing on this host can set up traffic control: libvirt's call would fail, and so does the start
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, "virNetDevBandwidthSet");
        }
        NetworkDriverConnection conn = driver.open(0);
        try {
            for (NetInterface n : live.devices().interfaces()) {
                if (shaped(n)) {
                    conn.setInterfaceBandwidth(n.targetDev(), n.bandwidth(), !"ethernet".equals(n.type()));
                    LOG.info("container '{}': QoS on {}", live.name(), n.targetDev());
                }
            }
        } finally {
            conn.close();
        }
    }

    /** Clears the QoS of host ends the stop left (the kernel removes a veth with its namespace, a bit later). */
    void clear(DomainDef live) {
        NetworkDriver driver = networks.get();
        if (live == null || driver == null) {
            return;
        }
        for (NetInterface n : live.devices().interfaces()) {
            if (shaped(n) && VethNames.exists(n.targetDev())) {
                try {
                    NetworkDriverConnection conn = driver.open(0);
                    try {
                        conn.clearInterfaceBandwidth(n.targetDev());
                    } finally {
                        conn.close();
                    }
                } catch (VirtException e) {
                    LOG.warn("cannot clear the QoS of {}: {}", n.targetDev(), e.getMessage());
                }
            }
        }
    }

    private static boolean shaped(NetInterface n) {
        return n.bandwidth() != null && n.targetDev() != null;
    }
}
