package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** vCPU information and pinning. */
final class VcpuProcedures {
    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_GET_VCPUS, "virDomainGetVcpus", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int maxinfo = a.readInt();
            int maplen = a.readInt();
            checkMaps(maxinfo, maplen, RemoteProc.VCPUINFO_MAX);
            List<VcpuInfo> infos = d.vcpuInfo();
            int n = Math.min(maxinfo, infos.size());
            r.writeInt(n);
            for (int i = 0; i < n; i++) {
                VcpuInfo v = infos.get(i);
                r.writeInt(v.number()).writeInt(v.state().number()).writeHyper(v.cpuTimeNs()).writeInt(v.cpu());
            }
            writeMaps(r, infos.subList(0, n).stream().map(VcpuInfo::affinity).toList(), maplen);
        });
        t.add(RemoteProc.DOMAIN_GET_VCPU_PIN_INFO, "virDomainGetVcpuPinInfo", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int ncpumaps = a.readInt();
            int maplen = a.readInt();
            int flags = a.readInt();
            checkMaps(ncpumaps, maplen, RemoteProc.VCPUINFO_MAX);
            List<BitSet> pins = d.vcpuPinInfo(flags);
            int n = Math.min(ncpumaps, pins.size());
            writeMaps(r, pins.subList(0, n), maplen);
            r.writeInt(n);
        });
        t.add(RemoteProc.DOMAIN_PIN_VCPU, "virDomainPinVcpu", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            int vcpu = a.readInt();
            d.pinVcpu(vcpu, Wire.bits(a.readOpaque(RemoteProc.CPUMAP_MAX)));
        });
        t.add(RemoteProc.DOMAIN_PIN_VCPU_FLAGS, "virDomainPinVcpuFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            int vcpu = a.readInt();
            BitSet map = Wire.bits(a.readOpaque(RemoteProc.CPUMAP_MAX));
            d.pinVcpu(vcpu, map, a.readInt());
        });
    }

    /** libvirtd's bounds on what a client may make it allocate. */
    private static void checkMaps(int count, int maplen, int countMax) throws VirtException {
        if (count < 0 || count > countMax) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "maxinfo " + count + " > REMOTE_VCPUINFO_MAX");
        }
        if (maplen < 0 || (long) count * maplen > RemoteProc.CPUMAPS_MAX) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
        }
    }

    private static void writeMaps(XdrWriter r, List<BitSet> maps, int maplen) {
        byte[] all = new byte[maps.size() * maplen];
        for (int i = 0; i < maps.size(); i++) {
            System.arraycopy(Wire.map(maps.get(i), maplen), 0, all, i * maplen, maplen);
        }
        r.writeOpaque(all);
    }
}
