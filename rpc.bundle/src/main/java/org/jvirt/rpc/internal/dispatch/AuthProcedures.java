package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.AUTH;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.ClientAuth.SaslReply;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SaslData;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** The procedures a client may call before it has authenticated: AUTH_LIST and SASL's three. */
final class AuthProcedures {
    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.AUTH_LIST, "virConnectAuthList", AUTH, (c, a, r) -> {
            r.writeInt(1).writeInt(c.auth().type());
        });
        t.add(RemoteProc.AUTH_SASL_INIT, "virConnectAuthSaslInit", AUTH, (c, a, r) -> {
            r.writeString(c.auth().saslInit());
        });
        t.add(RemoteProc.AUTH_SASL_START, "virConnectAuthSaslStart", AUTH, (c, a, r) -> {
            String mech = a.readString();
            byte[] data = data(a);
            write(c.auth().saslStart(mech, data), r);
        });
        t.add(RemoteProc.AUTH_SASL_STEP, "virConnectAuthSaslStep", AUTH, (c, a, r) -> {
            byte[] data = data(a);
            write(c.auth().saslStep(data), r);
        });
        t.add(RemoteProc.AUTH_POLKIT, "virConnectAuthPolkit", AUTH, (c, a, r) -> {
            // libvirtd's answer when the client's listener does not use polkit (jvirt has none)
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "authentication failed");
        });
    }

    /** {@code int nil; char data<REMOTE_AUTH_SASL_DATA_MAX>;}: null for nil. */
    private static byte[] data(XdrReader a) throws XdrException {
        boolean nil = a.readInt() != 0;
        byte[] data = SaslData.read(a);
        return nil ? null : data;
    }

    /** remote_auth_sasl_start_ret / _step_ret: {@code int complete; int nil; char data<>;}. */
    private static void write(SaslReply reply, XdrWriter r) {
        r.writeInt(reply.complete() ? 1 : 0).writeInt(reply.data() == null ? 1 : 0);
        SaslData.write(reply.data() == null ? new byte[0] : reply.data(), r);
    }
}
