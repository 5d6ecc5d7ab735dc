package org.jvirt.driver.xen.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;

/**
 * The host as libxl reports it ({@code xl info}: {@code libxl_get_physinfo},
 * {@code libxl_get_version_info}): node info, capabilities, Xen's version.
 *
 * <p>One {@code xl info} is a process and a hypervisor call, and vcpuinfo and vcpupin info need
 * the host's CPU count each time, so the answer is reused: Xen's version and its guest
 * capabilities ({@code xen_caps}) for the life of the driver, as libvirt reads them once when its
 * driver starts (they change only with the hypervisor, which means a host reboot); the physinfo
 * (CPU count, topology, memory) for {@code ttl}, since CPUs can be taken on- and offline while Xen
 * runs (libvirt asks libxl at every nodeinfo). A failed call is not kept: the next one asks again.
 */
final class XenHost {
    private final Xl xl;
    private final long ttlNanos;
    private final LongSupplier clock;
    private XlInfo physinfo;
    private long readAt;
    private XlInfo versionInfo;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    XenHost(Xl xl, Duration ttl, LongSupplier clock) {
        this.xl = xl;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /** The physinfo, at most {@code ttl} old; callers at the same time share one xl call. */
    synchronized XlInfo info() throws VirtException {
        long now = clock.getAsLong();
        if (physinfo != null && now - readAt < ttlNanos) {
            return physinfo;
        }
        Xl.Result r = xl.call("libxl_get_physinfo failed", "info");
        physinfo = XlInfo.parse(r.out());
        readAt = now;
        if (versionInfo == null && !physinfo.xenCaps().isEmpty()) {
            versionInfo = physinfo;
        }
        return physinfo;
    }

    /** What does not change while the hypervisor runs: Xen's version, {@code xen_caps}, the machine. */
    private synchronized XlInfo versionInfo() throws VirtException {
        return versionInfo != null ? versionInfo : info();
    }

    NodeInfo nodeInfo() throws VirtException {
        return info().nodeInfo();
    }

    /** libvirt answers capabilities from libxl's version info; without it there are no guests to offer. */
    String capabilities() throws VirtException {
        XlInfo info = versionInfo();
        if (info.xenCaps().isEmpty()) {
            throw XenErrors.internal("Failed to get version info from libxenlight: xl info printed no xen_caps");
        }
        return XenCapabilities.xml(info.get("machine"), info.xenCaps());
    }

    long version() throws VirtException {
        return versionInfo().version();
    }

    int hostCpus() throws VirtException {
        return (int) info().number("nr_cpus");
    }
}
