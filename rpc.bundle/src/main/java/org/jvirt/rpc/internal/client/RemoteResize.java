package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainInterface;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** The client side of memory and vCPU resizing and of the statistics calls, as libvirt's remote driver. */
final class RemoteResize {
    /** libvirt's VIR_DOMAIN_MEMORY_STAT_NR: how many statistics virDomainMemoryStats asks for. */
    private static final int MEMORY_STAT_NR = 13;

    private final RemoteCalls rpc;

    RemoteResize(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    void setMemory(DomainRef dom, long kib, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SET_MEMORY_FLAGS, RemoteCalls.dom(dom).writeHyper(kib).writeInt(flags));
    }

    void setMemoryStatsPeriod(DomainRef dom, int period, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SET_MEMORY_STATS_PERIOD, RemoteCalls.dom(dom).writeInt(period).writeInt(flags));
    }

    void setVcpus(DomainRef dom, int count, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SET_VCPUS_FLAGS, RemoteCalls.dom(dom).writeInt(count).writeInt(flags));
    }

    int vcpusCount(DomainRef dom, int flags) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_GET_VCPUS_FLAGS, RemoteCalls.dom(dom).writeInt(flags));
    }

    List<MemoryStat> memoryStats(DomainRef dom, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_MEMORY_STATS,
                RemoteCalls.dom(dom).writeInt(MEMORY_STAT_NR).writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.DOMAIN_MEMORY_STATS_MAX, 12, "memory stats");
            List<MemoryStat> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tag = r.readInt();
                long value = r.readHyper();
                MemoryStatTag t = MemoryStatTag.ofNumber(tag);
                // a newer server's statistics jvirt has no name for are left out
                if (t != null) {
                    out.add(new MemoryStat(t, value));
                }
            }
            return out;
        });
    }

    InterfaceStats interfaceStats(DomainRef dom, String device) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_INTERFACE_STATS, RemoteCalls.dom(dom).writeString(device));
        return rpc.decode(() -> new InterfaceStats(r.readHyper(), r.readHyper(), r.readHyper(), r.readHyper(),
                r.readHyper(), r.readHyper(), r.readHyper(), r.readHyper()));
    }

    List<DomainInterface> interfaceAddresses(DomainRef dom, int source, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_INTERFACE_ADDRESSES, RemoteCalls.dom(dom).writeInt(source)
                .writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.DOMAIN_INTERFACE_MAX, 12, "interfaces");
            List<DomainInterface> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = r.readString();
                String hwaddr = r.readOptString();
                int m = r.readCount(RemoteProc.DOMAIN_IP_ADDR_MAX, 12, "addresses");
                List<DomainInterface.Address> addrs = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    addrs.add(new DomainInterface.Address(r.readInt(), r.readString(), r.readInt()));
                }
                out.add(new DomainInterface(name, hwaddr, addrs));
            }
            return out;
        });
    }

    List<DomainStatsRecord> domainStats(List<DomainRef> domains, int stats, int flags) throws VirtException {
        XdrWriter w = new XdrWriter();
        List<DomainRef> doms = domains == null ? List.of() : domains;
        w.writeInt(doms.size());
        for (DomainRef d : doms) {
            new WireDomain(d.name(), d.uuid(), d.id()).write(w);
        }
        w.writeInt(stats).writeInt(flags);
        XdrReader r = rpc.call(RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS, w);
        List<DomainStatsRecord> out = new ArrayList<>();
        int n = rpc.decode(() -> r.readCount(RemoteProc.DOMAIN_LIST_MAX, 28, "domain stats records"));
        for (int i = 0; i < n; i++) {
            WireDomain wd = rpc.decode(() -> WireDomain.read(r));
            out.add(new DomainStatsRecord(RemoteCalls.ref(wd),
                    params(r)));
        }
        return out;
    }

    private static List<TypedParameter> params(XdrReader r) throws VirtException {
        try {
            return TypedParams.read(r, RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS_MAX);
        } catch (XdrException e) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "malformed reply: " + e.getMessage());
        }
    }
}
