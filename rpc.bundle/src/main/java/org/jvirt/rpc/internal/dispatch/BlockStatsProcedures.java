package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import java.util.List;

import org.jvirt.api.BlockStats;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;

/**
 * A disk's I/O counters, as libvirtd's {@code remoteDispatchDomainBlockStats} and
 * {@code remoteDispatchDomainBlockStatsFlags}: {@code nparams} 0 asks how many counters there are,
 * else the first {@code nparams} of them come back.
 */
final class BlockStatsProcedures {
    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_BLOCK_STATS, "virDomainBlockStats", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            BlockStats s = d.blockStats(a.readString());
            r.writeHyper(s.rdReq()).writeHyper(s.rdBytes()).writeHyper(s.wrReq()).writeHyper(s.wrBytes())
                    .writeHyper(s.errs());
        });
        t.add(RemoteProc.DOMAIN_BLOCK_STATS_FLAGS, "virDomainBlockStatsFlags", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            String path = a.readString();
            int nparams = a.readInt();
            int flags = a.readInt();
            if (nparams > RemoteProc.DOMAIN_BLOCK_STATS_PARAMETERS_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "nparams too large");
            }
            if (nparams < 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "nparams must be non-negative");
            }
            List<TypedParameter> all = d.blockStatsParameters(path, flags);
            if (nparams == 0) {
                TypedParams.write(r, List.of());
                r.writeInt(all.size());
                return;
            }
            List<TypedParameter> first = all.subList(0, Math.min(nparams, all.size()));
            // virTypedParamsSerialize drops strings a caller did not accept
            if ((flags & RemoteProc.TYPED_PARAM_STRING_OKAY) == 0) {
                first = first.stream().filter(p -> p.type() != ParameterType.STRING).toList();
            }
            TypedParams.write(r, first);
            r.writeInt(0);
        });
    }
}
