package org.jvirt.rpc.internal.client;

import java.util.List;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.InterfaceTuningDriver;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** The remote daemon's interface bandwidth calls ({@code virsh domiftune}), as libvirt's remote driver makes them. */
final class RemoteInterfaceTuning implements InterfaceTuningDriver {
    private final RemoteCalls rpc;

    RemoteInterfaceTuning(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    /** GET_INTERFACE_PARAMETERS as virsh domiftune asks: how many (nparams 0), then that many. */
    @Override
    public List<TypedParameter> interfaceParameters(DomainRef dom, String device, int flags) throws VirtException {
        int n = interfaceParameterCount(dom, device, flags);
        if (n <= 0) {
            return List.of();
        }
        int f = flags | RemoteProc.TYPED_PARAM_STRING_OKAY;
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_INTERFACE_PARAMETERS,
                RemoteCalls.dom(dom).writeString(device).writeInt(Math.min(n, RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX))
                        .writeInt(f));
        return rpc.decode(() -> RemoteTuning.readParams(r, RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX));
    }

    @Override
    public int interfaceParameterCount(DomainRef dom, String device, int flags) throws VirtException {
        int f = flags | RemoteProc.TYPED_PARAM_STRING_OKAY;
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_INTERFACE_PARAMETERS,
                RemoteCalls.dom(dom).writeString(device).writeInt(0).writeInt(f));
        return rpc.decode(() -> {
            RemoteTuning.readParams(r, RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX);
            return r.readInt();
        });
    }

    @Override
    public void setInterfaceParameters(DomainRef dom, String device, List<TypedParameter> params, int flags)
            throws VirtException {
        XdrWriter w = RemoteCalls.dom(dom).writeString(device);
        TypedParams.write(w, params);
        rpc.call(RemoteProc.DOMAIN_SET_INTERFACE_PARAMETERS, w.writeInt(flags));
    }
}
