package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;

/** vCPU and emulator pinning RPCs; a cpu map has one bit per host cpu. */
final class RemoteVcpus {
    private static final int VCPU_MAXIMUM = 4;

    /** The host's cpu count (from the node info). */
    @FunctionalInterface
    interface HostCpus {
        int count() throws VirtException;
    }

    private final RemoteCalls rpc;
    private final HostCpus hostCpus;

    RemoteVcpus(RemoteCalls rpc, HostCpus hostCpus) {
        this.rpc = rpc;
        this.hostCpus = hostCpus;
    }

    /** Bytes of one cpu map, as libvirt's VIR_CPU_MAPLEN. */
    int maplen() throws VirtException {
        return (hostCpus.count() + 7) / 8;
    }

    List<VcpuInfo> vcpuInfo(DomainRef dom, int maxinfo) throws VirtException {
        int maplen = maplen();
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_VCPUS, RemoteCalls.dom(dom).writeInt(maxinfo).writeInt(maplen));
        return rpc.decode(() -> {
            int n = r.readCount(maxinfo, 20, "vcpu infos");
            int[][] fields = new int[n][];
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                int number = r.readInt();
                int state = r.readInt();
                times[i] = r.readHyper();
                fields[i] = new int[] {number, state, r.readInt()};
            }
            byte[] maps = r.readOpaque(RemoteProc.CPUMAPS_MAX);
            List<VcpuInfo> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new VcpuInfo(fields[i][0], VcpuState.ofNumber(fields[i][1]), times[i], fields[i][2],
                        slice(maps, i, maplen)));
            }
            return out;
        });
    }

    /** Asks the vCPU count first (VIR_DOMAIN_VCPU_MAXIMUM), then that many cpu maps. */
    List<BitSet> vcpuPinInfo(DomainRef dom, int flags) throws VirtException {
        int ncpumaps = rpc.integer(RemoteProc.DOMAIN_GET_VCPUS_FLAGS, RemoteCalls.dom(dom).writeInt(flags | VCPU_MAXIMUM));
        int maplen = maplen();
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_VCPU_PIN_INFO,
                RemoteCalls.dom(dom).writeInt(ncpumaps).writeInt(maplen).writeInt(flags));
        return rpc.decode(() -> {
            byte[] maps = r.readOpaque(RemoteProc.CPUMAPS_MAX);
            int num = r.readInt();
            List<BitSet> out = new ArrayList<>();
            for (int i = 0; i < num && (i + 1) * maplen <= maps.length; i++) {
                out.add(slice(maps, i, maplen));
            }
            return out;
        });
    }

    private static BitSet slice(byte[] maps, int index, int maplen) {
        int from = index * maplen;
        if (from + maplen > maps.length) {
            return new BitSet();
        }
        return BitSet.valueOf(Arrays.copyOfRange(maps, from, from + maplen));
    }

    void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap, int flags) throws VirtException {
        byte[] map = map(cpumap);
        rpc.call(RemoteProc.DOMAIN_PIN_VCPU_FLAGS, RemoteCalls.dom(dom).writeInt(vcpu).writeOpaque(map).writeInt(flags));
    }

    /** remote_domain_pin_vcpu_args: the server's driver decides what it affects. */
    void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap) throws VirtException {
        byte[] map = map(cpumap);
        rpc.call(RemoteProc.DOMAIN_PIN_VCPU, RemoteCalls.dom(dom).writeInt(vcpu).writeOpaque(map));
    }

    void pinEmulator(DomainRef dom, BitSet cpumap, int flags) throws VirtException {
        byte[] map = map(cpumap);
        rpc.call(RemoteProc.DOMAIN_PIN_EMULATOR, RemoteCalls.dom(dom).writeOpaque(map).writeInt(flags));
    }

    /** The map as bytes, padded to at least one map of the host (and at least one byte). */
    private byte[] map(BitSet cpumap) throws VirtException {
        int maplen = Math.max(1, maplen());
        return Arrays.copyOf(cpumap.toByteArray(), Math.max(maplen, (cpumap.length() + 7) / 8));
    }
}
