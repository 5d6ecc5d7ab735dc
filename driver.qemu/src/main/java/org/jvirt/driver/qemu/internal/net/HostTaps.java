package org.jvirt.driver.qemu.internal.net;

import java.util.HashSet;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.driver.qemu.internal.security.DacLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's tap devices for guests' interfaces: named, made (up, on a bridge), listed and deleted. */
final class HostTaps {
    private static final Logger LOG = LoggerFactory.getLogger(HostTaps.class);
    /** libvirt's VIR_NET_GENERATED_VNET_PREFIX: such target names are always generated. */
    static final String VNET = "vnet";

    private final HostCommands commands;

    HostTaps(HostCommands commands) {
        this.commands = commands;
    }

    /** The {@code <target dev>} given, else the lowest free {@code vnetN} (libvirt's virNetDevGenerateName). */
    static String name(NetInterface n, Set<String> taken) {
        String given = n.targetDev();
        if (given != null && !given.startsWith(VNET)) {
            return given;
        }
        for (int i = 0;; i++) {
            if (!taken.contains(VNET + i)) {
                return VNET + i;
            }
        }
    }

    /** libvirt opens a tap with IFF_VNET_HDR for virtio NICs only (virNetDevTapCreate). */
    static boolean isVirtio(NetInterface n) {
        return "virtio".equals(n.modelType());
    }

    /** A new tap, attached to {@code bridge} unless null, and up. */
    void create(String tap, NetInterface n, String bridge, DacLabel owner, TapFds taps)
            throws VirtException {
        String mac = n.mac();
        if (commands.opensTaps()) {
            taps.add(tap, TunDevice.openTap(tap, isVirtio(n), commands.netnsFile()));
        } else if (owner == null) {
            commands.run("ip", "tuntap", "add", "dev", tap, "mode", "tap");
        } else {
            commands.run("ip", "tuntap", "add", "dev", tap, "mode", "tap", "user", Long.toString(owner.uid()),
                    "group", Long.toString(owner.gid()));
        }
        try {
            if (mac != null && mac.length() == 17) {
                // libvirt gives the host side the guest's MAC with fe first, so the bridge never takes it
                commands.run("ip", "link", "set", "dev", tap, "address", "fe" + mac.substring(2));
            }
            if (bridge != null) {
                commands.run("ip", "link", "set", "dev", tap, "master", bridge);
            }
            commands.run("ip", "link", "set", "dev", tap, "up");
        } catch (VirtException e) {
            deleteQuietly(tap);
            throw e;
        }
        LOG.info("tap {} up{}", tap, bridge == null ? "" : " on bridge " + bridge);
    }

    Set<String> existingLinks() throws VirtException {
        Set<String> names = new HashSet<>();
        for (String line : commands.run("ip", "-o", "link", "show").split("\n")) {
            String[] parts = line.split(":\\s+", 3);
            if (parts.length >= 2) {
                String name = parts[1];
                int at = name.indexOf('@');
                names.add(at < 0 ? name : name.substring(0, at));
            }
        }
        return names;
    }

    void deleteQuietly(String tap) {
        try {
            commands.run("ip", "link", "del", "dev", tap);
        } catch (VirtException e) {
            LOG.warn("cannot delete tap {}: {}", tap, e.getMessage());
        }
    }
}
