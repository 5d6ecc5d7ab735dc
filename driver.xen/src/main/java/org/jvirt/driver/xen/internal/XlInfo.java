package org.jvirt.driver.xen.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;

/**
 * What {@code xl info} prints (libxl's {@code libxl_get_physinfo} and {@code libxl_get_version_info}
 * as {@code key : value} lines), and libvirt's {@code libxlDriverGetNodeInfo} from it.
 */
final class XlInfo {
    private final Map<String, String> values;

    private XlInfo(Map<String, String> values) {
        this.values = values;
    }

    static XlInfo parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new XlInfo(values);
    }

    String get(String key) {
        return values.getOrDefault(key, "");
    }

    long number(String key) throws VirtException {
        String v = get(key);
        try {
            return v.contains(".") ? (long) Double.parseDouble(v) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw XenErrors.internal("libxl_get_physinfo: xl info gave no number for " + key + ": '" + v + "'");
        }
    }

    /**
     * libvirt's {@code libxlDriverGetNodeInfo}: the machine, all memory, CPUs, MHz, one NUMA cell
     * (as libvirt reports), sockets from CPUs over cores and threads.
     */
    NodeInfo nodeInfo() throws VirtException {
        long cpus = number("nr_cpus");
        long threads = Math.max(1, number("threads_per_core"));
        long cores = Math.max(1, number("cores_per_socket"));
        long sockets = Math.max(1, cpus / (threads * cores));
        return new NodeInfo(get("machine"), number("total_memory") * 1024, (int) cpus, (int) number("cpu_mhz"), 1,
                (int) sockets, (int) cores, (int) threads);
    }

    /** libxl's capability string ({@code xen-3.0-x86_64 hvm-3.0-x86_32 ...}), empty when xl could not tell. */
    String xenCaps() {
        return get("xen_caps");
    }

    /** {@code virConnectGetVersion}: major * 1000000 + minor * 1000 + micro, from Xen's version. */
    long version() throws VirtException {
        String major = get("xen_major");
        String minor = get("xen_minor");
        if (major.isEmpty() || minor.isEmpty()) {
            throw XenErrors.internal("libxl_get_version_info: xl info gave no Xen version");
        }
        String extra = get("xen_extra").replaceFirst("^\\.", "").replaceFirst("[^0-9].*$", "");
        return Long.parseLong(major) * 1_000_000 + Long.parseLong(minor) * 1000
                + (extra.isEmpty() ? 0 : Long.parseLong(extra));
    }
}
