package org.jvirt.rpc.internal.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.RealmChoiceCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.client.AuthFile.Credentials;
import org.jvirt.rpc.internal.wire.LayeredTransport;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SaslData;
import org.jvirt.rpc.internal.wire.SaslLayer;
import org.jvirt.rpc.internal.wire.SecurityLayer;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The client side of libvirt's SASL authentication (remoteAuthSASL) with the JDK's DIGEST-MD5:
 * INIT for the server's mechanisms, START, STEP until the server says complete, and on a
 * transport that is not secure a confidentiality layer of at least 56 bits, which then protects
 * everything both ways.
 */
final class SaslClientHandshake {
    private static final String MECHANISM = "DIGEST-MD5";
    private static final int MAX_BUFFER = 65536;

    private final RemoteCalls rpc;
    private final LayeredTransport transport;
    private final String host;
    private final Credentials credentials;

    SaslClientHandshake(RemoteCalls rpc, LayeredTransport transport, String host, Credentials credentials) {
        this.rpc = rpc;
        this.transport = transport;
        this.host = host;
        this.credentials = credentials;
    }

    void run() throws VirtException {
        String mechlist = rpc.decode(rpc.call(RemoteProc.AUTH_SASL_INIT, new XdrWriter())::readString);
        if (!List.of(mechlist.split(",")).stream().map(String::strip).anyMatch(MECHANISM::equalsIgnoreCase)) {
            throw failed("the server offers SASL mechanisms '" + mechlist + "'; jvirt speaks " + MECHANISM);
        }
        if (credentials.username() == null || credentials.password() == null) {
            throw failed("no SASL credentials for " + host + " (libvirt's auth.conf: [auth-libvirt-" + host
                    + "] credentials=NAME, [credentials-NAME] authname=..., password=...)");
        }
        SaslClient sasl;
        try {
            sasl = Sasl.createSaslClient(new String[] {MECHANISM}, null, "libvirt", host, properties(), this::handle);
        } catch (SaslException e) {
            throw failed("cannot start SASL: " + e.getMessage());
        }
        try {
            exchange(sasl);
        } catch (SaslException e) {
            throw failed("SASL negotiation failed: " + e.getMessage());
        }
    }

    private void exchange(SaslClient sasl) throws VirtException, SaslException {
        byte[] initial = sasl.hasInitialResponse() ? sasl.evaluateChallenge(new byte[0]) : null;
        XdrWriter start = new XdrWriter().writeString(MECHANISM).writeInt(initial == null ? 1 : 0);
        Reply reply = reply(rpc.call(RemoteProc.AUTH_SASL_START, SaslData.write(orEmpty(initial), start)));
        while (!reply.complete) {
            byte[] response = sasl.evaluateChallenge(orEmpty(reply.data));
            XdrWriter step = new XdrWriter().writeInt(response == null ? 1 : 0);
            reply = reply(rpc.call(RemoteProc.AUTH_SASL_STEP, SaslData.write(orEmpty(response), step)));
        }
        if (!sasl.isComplete()) {
            // DIGEST-MD5's last server message (rspauth) proves that the server knows the password
            sasl.evaluateChallenge(orEmpty(reply.data));
        }
        if (!sasl.isComplete()) {
            throw failed("the server ended SASL before the mechanism completed");
        }
        if (!transport.secure()) {
            if (!"auth-conf".equals(sasl.getNegotiatedProperty(Sasl.QOP))) {
                throw failed("negotiated no SASL security layer on an insecure transport");
            }
            SecurityLayer layer = layer(sasl);
            transport.startReading(layer);
            transport.startWriting(layer);
        }
    }

    private record Reply(boolean complete, byte[] data) {
    }

    private Reply reply(XdrReader r) throws VirtException {
        return rpc.decode(() -> {
            boolean complete = r.readInt() != 0;
            boolean nil = r.readInt() != 0;
            byte[] data = SaslData.read(r);
            return new Reply(complete, nil ? null : data);
        });
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    private Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        // as libvirt's client: no layer where TLS or a UNIX socket protects us, else at least 56 bits
        p.put(Sasl.QOP, transport.secure() ? "auth" : "auth-conf");
        p.put(Sasl.STRENGTH, "high,medium");
        p.put(Sasl.MAX_BUFFER, String.valueOf(MAX_BUFFER));
        p.put(Sasl.POLICY_NOPLAINTEXT, "true");
        p.put(Sasl.POLICY_NOANONYMOUS, "true");
        return p;
    }

    private static SecurityLayer layer(SaslClient sasl) {
        int rawSend = Integer.parseInt((String) sasl.getNegotiatedProperty(Sasl.RAW_SEND_SIZE));
        return new SaslLayer(sasl::wrap, sasl::unwrap, rawSend, MAX_BUFFER);
    }

    private void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback n) {
                n.setName(credentials.username());
            } else if (c instanceof PasswordCallback p) {
                p.setPassword(credentials.password());
            } else if (c instanceof RealmChoiceCallback rc) {
                rc.setSelectedIndex(0);
            } else if (c instanceof RealmCallback r) {
                r.setText(r.getDefaultText());
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private static VirtException failed(String why) {
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, why);
    }
}
