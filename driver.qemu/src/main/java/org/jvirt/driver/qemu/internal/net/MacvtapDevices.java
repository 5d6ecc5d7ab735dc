package org.jvirt.driver.qemu.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's macvtap devices of direct interfaces, as libvirt's virNetDevMacVLanCreateWithVPortProfile
 * makes them: named as asked unless the name is one of libvirt's generated ones, else {@code macvtapN}
 * from a counter that only grows while the driver runs (virNetDevGenerateName: a name just freed is not
 * given again at once, so a late packet or event never reaches the wrong guest), on the link with the
 * mode, the guest's MAC set, up; then its {@code /dev/tapIFINDEX} opened for QEMU ({@link TunDevice}).
 * The devices are made with {@code ip} behind the driver's command prefix ({@link HostCommands}).
 */
final class MacvtapDevices {
    private static final Logger LOG = LoggerFactory.getLogger(MacvtapDevices.class);
    /** libvirt's VIR_NET_GENERATED_MACVTAP_PREFIX and VIR_NET_GENERATED_MACVLAN_PREFIX. */
    static final String MACVTAP = "macvtap";
    private static final String MACVLAN = "macvlan";
    /** IFNAMSIZ less the NUL: the longest name the kernel takes. */
    private static final int MAX_NAME = 15;

    private final HostCommands commands;
    private int lastId = -1;

    MacvtapDevices(HostCommands commands) {
        this.commands = commands;
    }

    /** A name libvirt generates: asking for it means "any free one". */
    static boolean isGenerated(String name) {
        return name != null && (name.startsWith(MACVTAP) || name.startsWith(MACVLAN));
    }

    /**
     * A new macvtap on {@code link}, up, its tap descriptor in {@code taps}; on failure nothing is left.
     *
     * @param requested the {@code <target dev>} or null
     * @param mode      libvirt's mode name ({@code vepa}, {@code private}, {@code bridge}, {@code passthrough})
     * @param taken     the host's link names, the new one added
     * @return the device's name
     */
    String create(String requested, String link, String mode, String mac, boolean vnetHdr, Set<String> taken,
                  TapFds taps) throws VirtException {
        if (!taken.contains(link)) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Unable to get index for interface " + link + ": No such device");
        }
        String name;
        if (requested != null && !isGenerated(requested)) {
            if (taken.contains(requested)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                        "Unable to create device '" + requested + "': File exists");
            }
            if (requested.length() > MAX_NAME) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "Network interface name '" + requested + "' is too long");
            }
            name = requested;
        } else if (requested != null && !taken.contains(requested) && requested.length() <= MAX_NAME) {
            name = requested; // libvirt takes a free generated name it is given
        } else {
            name = nextName(taken);
        }
        // a passthrough macvtap takes its link's MAC whatever it is given; set afterwards, the guest's MAC
        // goes to the link too (libvirt's virNetDevSetNetConfig of the link), and the kernel gives the link
        // its own back when the macvtap is deleted (what libvirt's saved net config restores)
        boolean passthrough = "passthrough".equals(mode);
        List<String> add = new ArrayList<>(List.of("ip", "link", "add", "link", link, "name", name));
        if (!passthrough) {
            add.addAll(List.of("address", mac));
        }
        add.addAll(List.of("type", "macvtap", "mode", kernelMode(mode)));
        try {
            commands.run(add.toArray(String[]::new));
        } catch (VirtException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "error creating macvtap interface "
                    + name + "@" + link + " (" + mac + "): " + e.getMessage());
        }
        taken.add(name);
        try {
            if (passthrough) {
                commands.run("ip", "link", "set", "dev", name, "address", mac);
            }
            commands.run("ip", "link", "set", "dev", name, "up");
            taps.add(name, TunDevice.openMacvtap(name, ifindex(name), vnetHdr));
        } catch (VirtException | RuntimeException e) {
            delete(name);
            throw e;
        }
        LOG.info("macvtap {} on {} (mode {}, mac {}) up", name, link, mode, mac);
        return name;
    }

    /**
     * A generated name a reattached guest holds: later names come after it (libvirt's virNetDevReserveName,
     * called for every running guest's interfaces when the daemon restarts).
     */
    synchronized void reserve(String name) {
        if (name == null || !name.startsWith(MACVTAP)) {
            return;
        }
        try {
            lastId = Math.max(lastId, Integer.parseInt(name.substring(MACVTAP.length())));
        } catch (NumberFormatException e) {
            // not one of the generated names: nothing to keep clear of
        }
    }

    /** Deletes a macvtap of a guest that stopped or failed to start; quiet, as libvirt's. */
    void delete(String name) {
        try {
            commands.run("ip", "link", "del", "dev", name);
            LOG.info("macvtap {} deleted", name);
        } catch (VirtException e) {
            LOG.warn("cannot delete macvtap {}: {}", name, e.getMessage());
        }
    }

    private synchronized String nextName(Set<String> taken) throws VirtException {
        for (int attempts = 0; attempts < 10000; attempts++) {
            lastId = lastId == Integer.MAX_VALUE - 1 ? 0 : lastId + 1;
            String name = MACVTAP + lastId;
            if (name.length() <= MAX_NAME && !taken.contains(name)) {
                return name;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                "no unused name for the " + MACVTAP + "%d device");
    }

    /** The kernel's name of libvirt's passthrough mode is passthru. */
    private static String kernelMode(String mode) {
        return "passthrough".equals(mode) ? "passthru" : mode;
    }

    /** The device's index where the commands run ({@code ip -o link show dev NAME}: "N: name@link: ..."). */
    private int ifindex(String name) throws VirtException {
        String out = commands.run("ip", "-o", "link", "show", "dev", name).strip();
        int colon = out.indexOf(':');
        try {
            return Integer.parseInt(out.substring(0, colon));
        } catch (RuntimeException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Unable to get index for interface " + name + ": " + out);
        }
    }
}
