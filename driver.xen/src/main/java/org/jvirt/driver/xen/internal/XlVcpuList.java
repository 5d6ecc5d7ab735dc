package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;

/**
 * {@code xl vcpu-list DOMID} (libxl's {@code libxl_list_vcpu}) as libvirt's
 * {@code libxlDomainGetVcpus} answers it: number, state, CPU time, physical CPU, hard affinity.
 */
final class XlVcpuList {
    private static final Pattern LINE = Pattern.compile(
            "^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+|-)\\s+([-rbp]{3})\\s+([\\d.]+)\\s+(\\S+(?: cpu)?)\\s*/\\s*(\\S+).*$");

    private XlVcpuList() {
    }

    static List<VcpuInfo> parse(String text, int hostCpus) {
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
            vcpus.add(new VcpuInfo(Integer.parseInt(m.group(3)), state,
                    (long) (Double.parseDouble(m.group(6)) * 1e9), cpu, cpuList(m.group(7), hostCpus)));
        }
        return vcpus;
    }

    /** xl's affinity ({@code all}, {@code any cpu}, {@code none}, a list such as {@code 0-3,6}) or a libvirt cpuset. */
    static BitSet cpuList(String text, int hostCpus) {
        BitSet set = new BitSet();
        if (text.equals("all") || text.startsWith("any")) {
            set.set(0, hostCpus);
            return set;
        }
        if (text.equals("none")) {
            return set;
        }
        BitSet excluded = new BitSet();
        for (String part : text.split(",")) {
            // libvirt's cpuset syntax also excludes CPUs (^N); xl never prints that
            BitSet target = part.startsWith("^") ? excluded : set;
            String range = part.startsWith("^") ? part.substring(1) : part;
            int dash = range.indexOf('-');
            if (dash > 0) {
                target.set(Integer.parseInt(range.substring(0, dash)), Integer.parseInt(range.substring(dash + 1)) + 1);
            } else {
                target.set(Integer.parseInt(range));
            }
        }
        set.andNot(excluded);
        return set;
    }

    /** The list xl's vcpu-pin takes ({@code 0-3,6}); {@code all} for every host CPU. */
    static String format(BitSet cpus, int hostCpus) {
        if (hostCpus > 0 && cpus.cardinality() == hostCpus && cpus.nextSetBit(0) == 0 && cpus.length() == hostCpus) {
            return "all";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = cpus.nextSetBit(0); i >= 0; i = cpus.nextSetBit(i + 1)) {
            int end = cpus.nextClearBit(i) - 1;
            sb.append(sb.isEmpty() ? "" : ",").append(i == end ? String.valueOf(i) : i + "-" + end);
            i = end;
        }
        return sb.toString();
    }
}
