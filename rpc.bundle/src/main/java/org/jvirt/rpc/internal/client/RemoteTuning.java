package org.jvirt.rpc.internal.client;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.SchedulerType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The tuning calls as libvirt's remote driver makes them: scheduler parameters after asking the
 * scheduler type how many there are, memory and block I/O parameters after asking with
 * {@code nparams} 0, strings accepted ({@code VIR_TYPED_PARAM_STRING_OKAY}).
 */
final class RemoteTuning {
    private final RemoteCalls rpc;

    RemoteTuning(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    SchedulerType schedulerType(DomainRef dom) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_SCHEDULER_TYPE, RemoteCalls.dom(dom));
        return rpc.decode(() -> new SchedulerType(r.readString(), r.readInt()));
    }

    List<TypedParameter> schedulerParameters(DomainRef dom, int flags) throws VirtException {
        int n = schedulerType(dom).nparams();
        int f = flags & ~RemoteProc.TYPED_PARAM_STRING_OKAY;
        // as virsh: without flags the original call, which every driver serves (the test driver's
        // Flags variant refuses even STRING_OKAY)
        XdrReader r = f == 0
                ? rpc.call(RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS, RemoteCalls.dom(dom).writeInt(n))
                : rpc.call(RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
                        RemoteCalls.dom(dom).writeInt(n).writeInt(f | RemoteProc.TYPED_PARAM_STRING_OKAY));
        return rpc.decode(() -> readParams(r, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX));
    }

    /** GET_MEMORY_PARAMETERS or GET_BLKIO_PARAMETERS: how many, then that many. */
    List<TypedParameter> countedParameters(int proc, DomainRef dom, int flags) throws VirtException {
        int f = flags | RemoteProc.TYPED_PARAM_STRING_OKAY;
        XdrReader count = rpc.call(proc, RemoteCalls.dom(dom).writeInt(0).writeInt(f));
        int n = rpc.decode(() -> {
            readParams(count, 16);
            return count.readInt();
        });
        if (n <= 0) {
            return List.of();
        }
        XdrReader r = rpc.call(proc, RemoteCalls.dom(dom).writeInt(n).writeInt(f));
        return rpc.decode(() -> readParams(r, 16));
    }

    /** SET_SCHEDULER_PARAMETERS(_FLAGS): without flags the original call, as virsh makes it. */
    void setSchedulerParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        if (flags != 0) {
            setParameters(RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, dom, params, flags);
            return;
        }
        XdrWriter w = RemoteCalls.dom(dom);
        TypedParams.write(w, params);
        rpc.call(RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS, w);
    }

    void setParameters(int proc, DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        XdrWriter w = RemoteCalls.dom(dom);
        TypedParams.write(w, params);
        rpc.call(proc, w.writeInt(flags));
    }

    BitSet emulatorPinInfo(DomainRef dom, int maplen, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_EMULATOR_PIN_INFO,
                RemoteCalls.dom(dom).writeInt(maplen).writeInt(flags));
        return rpc.decode(() -> BitSet.valueOf(r.readOpaque(RemoteProc.CPUMAPS_MAX)));
    }

    static List<TypedParameter> readParams(XdrReader r, int max)
            throws XdrException {
        try {
            return TypedParams.read(r, max);
        } catch (VirtException e) {
            throw new XdrException(e.getMessage());
        }
    }
}
