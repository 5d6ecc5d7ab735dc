package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.InterfaceStats;
import org.jvirt.api.VirtException;

/**
 * libvirt's {@code virNetDevTapInterfaceStats} on Linux: the counters of a host network device
 * from {@code /proc/net/dev}. A veth's host end counts the other way round from the container
 * (what the container sends, the host end receives), so the container's view swaps receive and
 * transmit, as libvirt does for every interface type that does not share the host's view.
 */
final class NetDevCounters {
    private final Path procNetDev;

    NetDevCounters(Path procNetDev) {
        this.procNetDev = procNetDev;
    }

    NetDevCounters() {
        this(Path.of("/proc/net/dev"));
    }

    /** The container's view of host device {@code ifname}. */
    InterfaceStats guestView(String ifname) throws VirtException {
        return read(procNetDev, ifname, true);
    }

    /**
     * The counters of device {@code ifname} inside the network namespace of process {@code pid}, as
     * that namespace sees them: a direct interface's macvlan, which has no host end to count.
     */
    static InterfaceStats inside(long pid, String ifname) throws VirtException {
        return read(Path.of("/proc", Long.toString(pid), "net", "dev"), ifname, false);
    }

    private static InterfaceStats read(Path file, String ifname, boolean swapped) throws VirtException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw LxcErrors.system("Could not open /proc/net/dev: " + e.getMessage());
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).strip().equals(ifname)) {
                continue;
            }
            // rx: bytes packets errs drop fifo frame compressed multicast; tx: bytes packets errs drop ...
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (f.length < 12) {
                continue; // as libvirt's sscanf that does not match all eight
            }
            long[] c = new long[12];
            try {
                for (int i = 0; i < 12; i++) {
                    c[i] = Long.parseUnsignedLong(f[i]);
                }
            } catch (NumberFormatException e) {
                continue;
            }
            return swapped ? new InterfaceStats(c[8], c[9], c[10], c[11], c[0], c[1], c[2], c[3])
                    : new InterfaceStats(c[0], c[1], c[2], c[3], c[8], c[9], c[10], c[11]);
        }
        throw LxcErrors.internal("/proc/net/dev: Interface not found");
    }
}
