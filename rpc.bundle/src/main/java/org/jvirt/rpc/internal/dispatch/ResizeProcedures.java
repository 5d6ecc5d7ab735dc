package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainStats;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;

/**
 * Memory and vCPU resizing and the statistics calls. The calls without flags go where libvirt's
 * drivers send them: {@code virDomainSetMemory} and {@code virDomainSetVcpus} change the live
 * guest, {@code virDomainSetMaxMemory} the maximum.
 */
final class ResizeProcedures {
    /** libvirt's VIR_DOMAIN_MEMORY_STAT_NR: virDomainMemoryStats never returns more. */
    private static final int MEMORY_STAT_NR = 13;

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_SET_MEMORY, "virDomainSetMemory", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.setMemory(a.readHyper(), ModificationFlag.LIVE.bit());
        });
        t.add(RemoteProc.DOMAIN_SET_MAX_MEMORY, "virDomainSetMaxMemory", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.setMemory(a.readHyper(), MemoryFlag.MAXIMUM.bit());
        });
        t.add(RemoteProc.DOMAIN_SET_MEMORY_FLAGS, "virDomainSetMemoryFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            long kib = a.readHyper();
            d.setMemory(kib, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_SET_MEMORY_STATS_PERIOD, "virDomainSetMemoryStatsPeriod", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            int period = a.readInt();
            d.setMemoryStatsPeriod(period, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_SET_VCPUS, "virDomainSetVcpus", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.setVcpus(a.readInt(), ModificationFlag.LIVE.bit());
        });
        t.add(RemoteProc.DOMAIN_SET_VCPUS_FLAGS, "virDomainSetVcpusFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            int count = a.readInt();
            d.setVcpus(count, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_GET_VCPUS_FLAGS, "virDomainGetVcpusFlags", READ,
                (c, a, r) -> {
                    Domain d = domain(c, a);
                    r.writeInt(d.vcpusCount(a.readInt()));
                });
        // the drivers' domainGetMaxVcpus: the live maximum
        t.add(RemoteProc.DOMAIN_GET_MAX_VCPUS, "virDomainGetMaxVcpus", READ, (c, a, r) -> r.writeInt(
                domain(c, a).vcpusCount(ModificationFlag.LIVE.bit() | VcpuFlag.MAXIMUM.bit())));
        t.add(RemoteProc.DOMAIN_MEMORY_STATS, "virDomainMemoryStats", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int maxStats = a.readInt();
            int flags = a.readInt();
            if (Integer.compareUnsigned(maxStats, RemoteProc.DOMAIN_MEMORY_STATS_MAX) > 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                        "maxStats > REMOTE_DOMAIN_MEMORY_STATS_MAX");
            }
            List<MemoryStat> stats = maxStats == 0 ? List.of() : d.memoryStats(flags);
            int n = Math.min(stats.size(), Math.min(maxStats, MEMORY_STAT_NR));
            r.writeInt(n);
            for (MemoryStat s : stats.subList(0, n)) {
                r.writeInt(s.tag().number()).writeHyper(s.value());
            }
        });
        t.add(RemoteProc.DOMAIN_INTERFACE_STATS, "virDomainInterfaceStats", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            InterfaceStats s = d.interfaceStats(a.readString());
            r.writeHyper(s.rxBytes()).writeHyper(s.rxPackets()).writeHyper(s.rxErrs()).writeHyper(s.rxDrop())
                    .writeHyper(s.txBytes()).writeHyper(s.txPackets()).writeHyper(s.txErrs()).writeHyper(s.txDrop());
        });
        t.add(RemoteProc.DOMAIN_INTERFACE_ADDRESSES, "virDomainInterfaceAddresses", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            List<DomainInterface> ifaces = d.interfaceAddresses(a.readInt(), a.readInt());
            // remoteDispatchDomainInterfaceAddresses' limits
            if (ifaces.size() > RemoteProc.DOMAIN_INTERFACE_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Number of interfaces, " + ifaces.size()
                        + " exceeds the max limit: " + RemoteProc.DOMAIN_INTERFACE_MAX);
            }
            r.writeInt(ifaces.size());
            for (DomainInterface iface : ifaces) {
                if (iface.addrs().size() > RemoteProc.DOMAIN_IP_ADDR_MAX) {
                    throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Number of interfaces, "
                            + iface.addrs().size() + " exceeds the max limit: " + RemoteProc.DOMAIN_IP_ADDR_MAX);
                }
                r.writeString(iface.name() == null ? "" : iface.name()).writeOptString(iface.hwaddr());
                r.writeInt(iface.addrs().size());
                for (DomainInterface.Address addr : iface.addrs()) {
                    r.writeInt(addr.type()).writeString(addr.addr()).writeInt(addr.prefix());
                }
            }
        });
        t.add(RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS, "virConnectGetAllDomainStats", READ, (c, a, r) -> {
            int n = a.readCount(RemoteProc.DOMAIN_LIST_MAX, 24, "domains");
            List<Domain> doms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                // handles, as libvirtd's get_nonnull_domain: the driver finds each by UUID and
                // leaves out one that does not exist (virDomainObjListConvert, skip_missing)
                doms.add(domain(c, a));
            }
            int stats = a.readInt();
            int flags = a.readInt();
            List<DomainStats> records = doms.isEmpty() ? c.connection().allDomainStats(stats, flags)
                    : c.connection().domainStats(doms, stats, flags);
            r.writeInt(records.size());
            for (DomainStats s : records) {
                Wire.writeDomain(r, s.domain());
                if (s.params().size() > RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS_MAX) {
                    throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Serialization of "
                            + s.params().size() + " parameters exceeds the limit of "
                            + RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS_MAX);
                }
                TypedParams.write(r, s.params());
            }
        });
    }
}
