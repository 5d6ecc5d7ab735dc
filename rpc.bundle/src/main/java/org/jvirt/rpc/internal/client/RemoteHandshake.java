package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** libvirt's doRemoteOpen on a fresh RPC channel: auth list (and SASL), keepalive probe, open, feature probes. */
final class RemoteHandshake {
    private static final int REMOTE_AUTH_NONE = 0;
    private static final int REMOTE_AUTH_SASL = 1;

    /** Authenticates with SASL on the connection being opened. */
    @FunctionalInterface
    interface SaslLogin {
        void authenticate(RemoteCalls rpc) throws VirtException;
    }

    private RemoteHandshake() {
    }

    /**
     * Opens the remote connection {@code name} on {@code rpc}.
     *
     * @return whether the server supports the event-callback procedures (remote_connect_domain_event_callback_*)
     */
    static boolean open(RemoteCalls rpc, String name, int flags, SaslLogin sasl) throws VirtException {
        authenticate(rpc, sasl);
        rpc.supports(RemoteProc.FEATURE_PROGRAM_KEEPALIVE);
        rpc.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString(name).writeInt(flags));
        return rpc.supports(RemoteProc.FEATURE_REMOTE_EVENT_CALLBACK);
    }

    private static void authenticate(RemoteCalls rpc, SaslLogin sasl) throws VirtException {
        XdrReader auth = rpc.call(RemoteProc.AUTH_LIST, new XdrWriter());
        List<Integer> types = new ArrayList<>();
        int n = rpc.decode(() -> auth.readCount(20, 4, "auth types"));
        for (int i = 0; i < n; i++) {
            types.add(rpc.decode(auth::readInt));
        }
        // as remoteAuthenticate: the server's first type, unless it also accepts none
        if (!types.isEmpty() && !types.contains(REMOTE_AUTH_NONE)) {
            if (types.get(0) != REMOTE_AUTH_SASL) {
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE, "the server requires"
                        + " authentication types " + types + "; jvirt supports none (0) and sasl (1)");
            }
            sasl.authenticate(rpc);
        }
    }
}
