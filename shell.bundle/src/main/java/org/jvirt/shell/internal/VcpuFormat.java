package org.jvirt.shell.internal;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VcpuInfo;
import org.jvirt.api.xml.Bitmap;

/** The text of {@code virsh vcpuinfo} (tools/virsh-domain.c). */
public final class VcpuFormat {
    private VcpuFormat() {
    }

    /**
     * {@code virsh vcpuinfo} of a running domain; blocks separated by an empty line.
     *
     * @param hostCpus the number of host CPUs virsh prints affinity for
     * @param pretty   {@code --pretty}: ranges ({@code 0-7 (out of 8)}) instead of {@code y}/{@code -}
     */
    public static String active(List<VcpuInfo> vcpus, int hostCpus, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < vcpus.size(); n++) {
            VcpuInfo v = vcpus.get(n);
            sb.append(Fields.line("VCPU:", v.number()));
            sb.append(Fields.line("CPU:", v.cpu()));
            sb.append(Fields.line("State:", v.state().label()));
            if (v.cpuTimeNs() != 0) {
                sb.append(Fields.line("CPU time:", Fields.seconds(v.cpuTimeNs())));
            }
            sb.append(affinity(v.affinity(), hostCpus, pretty));
            if (n < vcpus.size() - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * {@code virsh vcpuinfo} of a shut-off domain: only the configured pinning is known. virsh
     * prints {@code CPU time} without a colon here, and so does this.
     *
     * @param pinning the pinning of vCPU 0, 1, ...
     */
    public static String inactive(List<BitSet> pinning, int hostCpus, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < pinning.size(); n++) {
            if (n > 0) {
                sb.append('\n');
            }
            sb.append(Fields.line("VCPU:", n));
            sb.append(Fields.line("CPU:", "N/A"));
            sb.append(Fields.line("State:", "N/A"));
            sb.append(Fields.line("CPU time", "N/A"));
            sb.append(affinity(pinning.get(n), hostCpus, pretty));
        }
        return sb.toString();
    }

    /** The {@code CPU Affinity:} line. */
    static String affinity(BitSet cpus, int hostCpus, boolean pretty) {
        StringBuilder value = new StringBuilder();
        if (pretty) {
            value.append(ranges(cpus.get(0, hostCpus))).append(" (out of ").append(hostCpus).append(')');
        } else {
            for (int i = 0; i < hostCpus; i++) {
                value.append(cpus.get(i) ? 'y' : '-');
            }
        }
        return Fields.line("CPU Affinity:", value);
    }

    /** libvirt's bitmap format: {@code 0-3,5,7-9}. */
    static String ranges(BitSet bits) {
        return Bitmap.format(bits);
    }
}
