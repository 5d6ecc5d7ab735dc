package org.jvirt.rpc.internal.client;

import java.util.List;

import org.jvirt.api.BlockStats;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.BlockStatsDriver;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;

/** The client side of a disk's I/O counters, as libvirt's remote driver and virsh ask for them. */
final class RemoteBlockStats implements BlockStatsDriver {
    private final RemoteCalls rpc;

    RemoteBlockStats(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public BlockStats blockStats(DomainRef dom, String disk) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_BLOCK_STATS, RemoteCalls.dom(dom).writeString(disk));
        return rpc.decode(() -> new BlockStats(r.readHyper(), r.readHyper(), r.readHyper(), r.readHyper(),
                r.readHyper()));
    }

    /** As virsh's domblkstat: how many counters (nparams 0), then that many. */
    @Override
    public List<TypedParameter> blockStatsParameters(DomainRef dom, String disk, int flags) throws VirtException {
        XdrReader count = rpc.call(RemoteProc.DOMAIN_BLOCK_STATS_FLAGS,
                RemoteCalls.dom(dom).writeString(disk).writeInt(0).writeInt(flags));
        int n = rpc.decode(() -> {
            RemoteTuning.readParams(count, RemoteProc.DOMAIN_BLOCK_STATS_PARAMETERS_MAX);
            return count.readInt();
        });
        if (n <= 0) {
            return List.of();
        }
        int asked = Math.min(n, RemoteProc.DOMAIN_BLOCK_STATS_PARAMETERS_MAX);
        XdrReader r = rpc.call(RemoteProc.DOMAIN_BLOCK_STATS_FLAGS,
                RemoteCalls.dom(dom).writeString(disk).writeInt(asked).writeInt(flags));
        return rpc.decode(() -> RemoteTuning.readParams(r, RemoteProc.DOMAIN_BLOCK_STATS_PARAMETERS_MAX));
    }
}
