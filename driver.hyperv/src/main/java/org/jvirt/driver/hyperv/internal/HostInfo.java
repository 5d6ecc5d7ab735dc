package org.jvirt.driver.hyperv.internal;

import java.util.List;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;

/**
 * What the connection tells of its host, from {@code root/cimv2} (Microsoft's pages of
 * Win32_ComputerSystem, Win32_Processor and Win32_OperatingSystem): {@code nodeinfo},
 * {@code hostname}, the version and {@code capabilities}, as libvirt's Hyper-V driver reads them.
 */
final class HostInfo {
    private final Wmi wmi;

    HostInfo(Wmi wmi) {
        this.wmi = wmi;
    }

    private WmiObject computerSystem() throws VirtException {
        return wmi.queryOne("Win32_ComputerSystem", "SELECT * FROM Win32_ComputerSystem");
    }

    /** {@code hypervConnectGetHostname}: the DNS host name. */
    String hostname() throws VirtException {
        return computerSystem().string("DNSHostName");
    }

    /**
     * {@code hypervNodeGetInfo}: memory from TotalPhysicalMemory, one socket per Win32_Processor
     * associated by Win32_ComputerSystemProcessor, cores and threads from the first processor.
     */
    NodeInfo nodeInfo() throws VirtException {
        WmiObject cs = computerSystem();
        List<WmiObject> processors = wmi.query("Win32_Processor", "ASSOCIATORS OF {Win32_ComputerSystem.Name="
                + Wmi.quote(cs.string("Name")) + "} WHERE AssocClass = Win32_ComputerSystemProcessor"
                + " ResultClass = Win32_Processor");
        if (processors.isEmpty()) {
            throw HypervErrors.internal("Could not lookup Win32_Processor");
        }
        WmiObject first = processors.get(0);
        int sockets = processors.size();
        int cores = (int) first.number("NumberOfCores", 0);
        int logical = (int) first.number("NumberOfLogicalProcessors", 0);
        int threads = cores > 0 ? logical / cores : 0;
        return new NodeInfo(model(first.string("Name")), cs.number("TotalPhysicalMemory", 0) / 1024,
                sockets * cores * threads, (int) first.number("MaxClockSpeed", 0), 1, sockets, cores, threads);
    }

    /** libvirt strips double blanks, (R), (C) and (TM), then keeps 31 characters (virNodeInfo's model). */
    static String model(String name) {
        if (name == null) {
            return "";
        }
        String m = name.replace("(R)", "").replace("(C)", "").replace("(TM)", "").replaceAll(" {2,}", " ").trim();
        return m.length() > 31 ? m.substring(0, 31) : m;
    }

    /**
     * {@code hypervConnectGetVersion}: Win32_OperatingSystem.Version {@code major.minor.build} as
     * major * 1000000 + minor * 1000 + build. Builds of Windows 10 and later exceed 999, libvirt's
     * limit for the third part: they are capped at 999 (the version keeps its order by major.minor).
     */
    long version() throws VirtException {
        String text = wmi.queryOne("Win32_OperatingSystem", "SELECT * FROM Win32_OperatingSystem").string("Version");
        String[] parts = text == null ? new String[0] : text.trim().split("\\.");
        try {
            long major = Long.parseLong(parts[0]);
            long minor = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            long micro = parts.length > 2 ? Long.parseLong(parts[2]) : 0;
            if (minor > 999 || major > 4000) {
                throw new NumberFormatException();
            }
            return major * 1_000_000 + minor * 1_000 + Math.min(micro, 999);
        } catch (RuntimeException e) {
            throw HypervErrors.internal("Could not parse version from '" + text + "'");
        }
    }

    /** {@code hypervCapsInit}: an x86_64 host, hvm guests i686 and x86_64 of domain type hyperv. */
    String capabilities() {
        StringBuilder out = new StringBuilder("<capabilities>\n\n  <host>\n");
        out.append("    <cpu>\n      <arch>x86_64</arch>\n    </cpu>\n");
        out.append("    <power_management/>\n    <iommu support='no'/>\n  </host>\n\n");
        guest(out, "i686", 32);
        guest(out, "x86_64", 64);
        return out.append("</capabilities>\n").toString();
    }

    private static void guest(StringBuilder out, String arch, int wordsize) {
        out.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='").append(arch).append("'>\n")
                .append("      <wordsize>").append(wordsize).append("</wordsize>\n")
                .append("      <domain type='hyperv'/>\n    </arch>\n  </guest>\n\n");
    }
}
