package org.jvirt.driver.xen.internal;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;

/**
 * The host as libxl reports it ({@code xl info}: {@code libxl_get_physinfo},
 * {@code libxl_get_version_info}): node info, capabilities, Xen's version.
 */
final class XenHost {
    private final Xl xl;

    XenHost(Xl xl) {
        this.xl = xl;
    }

    XlInfo info() throws VirtException {
        Xl.Result r = xl.call("libxl_get_physinfo failed", "info");
        return XlInfo.parse(r.out());
    }

    NodeInfo nodeInfo() throws VirtException {
        return info().nodeInfo();
    }

    /** libvirt answers capabilities from libxl's version info; without it there are no guests to offer. */
    String capabilities() throws VirtException {
        XlInfo info = info();
        if (info.xenCaps().isEmpty()) {
            throw XenErrors.internal("Failed to get version info from libxenlight: xl info printed no xen_caps");
        }
        return XenCapabilities.xml(info.get("machine"), info.xenCaps());
    }

    long version() throws VirtException {
        return info().version();
    }

    int hostCpus() throws VirtException {
        return (int) info().number("nr_cpus");
    }
}
