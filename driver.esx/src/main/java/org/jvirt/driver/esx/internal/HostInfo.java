package org.jvirt.driver.esx.internal;

import java.util.List;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.w3c.dom.Element;

/** What the connection tells of its host: {@code nodeinfo}, {@code capabilities}, {@code hostname}. */
final class HostInfo {
    private final PropertyCollector collector;
    private final EsxHost host;

    HostInfo(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
    }

    /** {@code esxNodeGetInfo}. */
    NodeInfo nodeInfo() throws VirtException {
        ObjectContent hs = collector.retrieveOne(host.hostSystem(), List.of("hardware.cpuInfo.hz",
                "hardware.cpuInfo.numCpuCores", "hardware.cpuInfo.numCpuPackages", "hardware.cpuInfo.numCpuThreads",
                "hardware.memorySize", "hardware.numaInfo.numNodes", "summary.hardware.cpuModel"));
        long hz = hs.longValue("hardware.cpuInfo.hz", 0);
        int cores = (int) hs.longValue("hardware.cpuInfo.numCpuCores", 0);
        int packages = (int) hs.longValue("hardware.cpuInfo.numCpuPackages", 0);
        int threads = (int) hs.longValue("hardware.cpuInfo.numCpuThreads", 0);
        return new NodeInfo(model(hs.string("summary.hardware.cpuModel")),
                hs.longValue("hardware.memorySize", 0) / 1024, cores, (int) (hz / 1_000_000),
                (int) hs.longValue("hardware.numaInfo.numNodes", 0), packages,
                packages > 0 ? cores / packages : 0, cores > 0 ? threads / cores : 0);
    }

    /** libvirt strips double blanks, (R), (C) and (TM), then keeps 31 characters (virNodeInfo's model). */
    static String model(String cpuModel) {
        if (cpuModel == null) {
            return "";
        }
        String m = cpuModel.replace("(R)", "").replace("(C)", "").replace("(TM)", "").replaceAll(" {2,}", " ");
        return m.length() > 31 ? m.substring(0, 31) : m;
    }

    /** {@code esxConnectGetHostname}: the host's DNS name and domain. */
    String hostname() throws VirtException {
        ObjectContent hs = collector.retrieveOne(host.hostSystem(), List.of("config.network.dnsConfig"));
        Element dns = hs.element("config.network.dnsConfig");
        String name = dns == null ? null : SoapXml.childText(dns, "hostName");
        String domain = dns == null ? null : SoapXml.childText(dns, "domainName");
        if (name == null || name.isEmpty()) {
            throw ViErrors.internal("Missing or empty 'hostName' property");
        }
        return domain == null || domain.isEmpty() ? name : name + "." + domain;
    }

    /** {@code esxCapsInit} formatted as libvirt's {@code virCapabilitiesFormatXML} prints it. */
    String capabilities() throws VirtException {
        ObjectContent hs = collector.retrieveOne(host.hostSystem(), List.of("hardware.cpuFeature",
                "hardware.systemInfo.uuid"));
        boolean longMode = longMode(hs.element("hardware.cpuFeature"));
        String uuid = hs.string("hardware.systemInfo.uuid");
        StringBuilder out = new StringBuilder("<capabilities>\n\n  <host>\n");
        out.append("    <uuid>").append(uuid == null || uuid.isEmpty() ? "00000000-0000-0000-0000-000000000000"
                : SoapXml.escape(uuid)).append("</uuid>\n");
        out.append("    <cpu>\n      <arch>").append(longMode ? "x86_64" : "i686").append("</arch>\n    </cpu>\n");
        out.append("    <power_management/>\n    <iommu support='no'/>\n");
        out.append("    <migration_features>\n      <live/>\n      <uri_transports>\n")
                .append("        <uri_transport>vpxmigr</uri_transport>\n      </uri_transports>\n")
                .append("    </migration_features>\n  </host>\n\n");
        guest(out, "i686", 32);
        if (longMode) {
            guest(out, "x86_64", 64);
        }
        return out.append("</capabilities>\n").toString();
    }

    private static void guest(StringBuilder out, String arch, int wordsize) {
        out.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='").append(arch).append("'>\n")
                .append("      <wordsize>").append(wordsize).append("</wordsize>\n")
                .append("      <domain type='vmware'/>\n    </arch>\n  </guest>\n\n");
    }

    /**
     * {@code esxSupportsLongMode}: bit 29 of EDX of CPUID 0x80000001 (level -2147483647), written
     * by vSphere as 32 digits in groups of four, bit 31 first.
     */
    static boolean longMode(Element cpuFeature) throws VirtException {
        if (cpuFeature == null) {
            return false;
        }
        for (Element info : SoapXml.children(cpuFeature, null)) {
            if (!"-2147483647".equals(SoapXml.childText(info, "level"))) {
                continue;
            }
            String edx = SoapXml.childText(info, "edx");
            String bits = edx == null ? "" : edx.replace(":", "");
            char bit = bits.length() == 32 ? bits.charAt(31 - 29) : '?';
            if (bit != '0' && bit != '1') {
                throw ViErrors.internal("Bit 29 (Long Mode) of HostSystem property 'hardware.cpuFeature[].edx' with"
                        + " value '" + edx + "' has unexpected value '" + bit + "', expecting '0' or '1'");
            }
            return bit == '1';
        }
        return false;
    }
}
