package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;

/**
 * {@code xl vcpu-list DOMID} (libxl's {@code libxl_list_vcpu}) as libvirt's
 * {@code libxlDomainGetVcpus} answers it: number, state, CPU time, physical CPU, hard affinity.
 */
final class XlVcpuList {
    private static final Pattern LINE = Pattern.compile(
            "^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+|-)\\s+([-rbp]{3})\\s+([\\d.]+)\\s+(\\S+(?: cpu)?)\\s*/\\s*(\\S+).*$");

    private XlVcpuList() {
    }

    static List<VcpuInfo> parse(String text, int hostCpus) throws VirtException {
        List<VcpuInfo> vcpus = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String st = m.group(5);
            VcpuState state = st.charAt(0) == 'r' ? VcpuState.RUNNING
                    : st.charAt(1) == 'b' ? VcpuState.BLOCKED : VcpuState.OFFLINE;
            int cpu = m.group(4).equals("-") ? -1 : Integer.parseInt(m.group(4));
            BitSet affinity;
            try {
                affinity = cpuList(m.group(7), hostCpus);
            } catch (VirtException e) {
                throw XenErrors.internal("xl vcpu-list printed an affinity libvirt's bitmap syntax cannot read: "
                        + m.group(7));
            }
            vcpus.add(new VcpuInfo(Integer.parseInt(m.group(3)), state,
                    (long) (Double.parseDouble(m.group(6)) * 1e9), cpu, affinity));
        }
        return vcpus;
    }

    /**
     * xl's affinity ({@code all}, {@code any cpu}, {@code none}) or a CPU list ({@code 0-3,6}, also
     * a libvirt cpuset with exclusions {@code ^N}), read by the project's one bitmap parser
     * ({@link Bitmap}, libvirt's virBitmapParse).
     */
    static BitSet cpuList(String text, int hostCpus) throws VirtException {
        BitSet set = new BitSet();
        if (text.equals("all") || text.startsWith("any")) {
            set.set(0, hostCpus);
            return set;
        }
        if (text.equals("none")) {
            return set;
        }
        return Bitmap.parse(text).bits();
    }
}
