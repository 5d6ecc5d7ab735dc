package org.jvirt.rpc.internal.server;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.ClientAuth;
import org.jvirt.rpc.internal.sasl.SaslServerSession;
import org.jvirt.rpc.internal.sasl.SaslServerSession.AuthException;
import org.jvirt.rpc.internal.sasl.SaslServerSession.Step;
import org.jvirt.rpc.internal.sasl.SaslSettings;
import org.jvirt.rpc.internal.wire.LayeredTransport;
import org.jvirt.rpc.internal.wire.SecurityLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's authentication state on the server, libvirtd's remoteDispatchAuth* rules: SASL
 * only where the listener demands it, INIT once, START after INIT, STEP after START; any failure
 * ends the attempt with "authentication failed" (the reason goes to the log only), and the client
 * may start over with INIT.
 */
final class SessionAuth implements ClientAuth {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAuth.class);

    private final int type;
    private final SaslSettings settings;
    private final boolean secureTransport;
    private final LayeredTransport transport;
    private final String peer;
    private volatile boolean authenticated;
    private SaslServerSession sasl;                 // guarded by this
    private SecurityLayer pendingLayer;             // guarded by this
    private Thread pendingFor;                      // guarded by this

    /** {@code transport} is where a negotiated layer goes; null where the listener needs no SASL. */
    SessionAuth(int type, SaslSettings settings, boolean secureTransport, LayeredTransport transport, String peer) {
        this.type = type;
        this.settings = settings;
        this.secureTransport = secureTransport;
        this.transport = transport;
        this.peer = peer;
        this.authenticated = type == NONE;
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    @Override
    public synchronized String saslInit() throws VirtException {
        if (type != SASL || sasl != null || authenticated) {
            throw failed("client tried invalid SASL init request");
        }
        sasl = new SaslServerSession(settings, secureTransport);
        return sasl.mechanisms();
    }

    @Override
    public synchronized SaslReply saslStart(String mechanism, byte[] data) throws VirtException {
        if (type != SASL || sasl == null || authenticated) {
            throw failed("client tried invalid SASL start request");
        }
        try {
            return reply(sasl.start(mechanism, data));
        } catch (AuthException e) {
            throw abandon(e);
        }
    }

    @Override
    public synchronized SaslReply saslStep(byte[] data) throws VirtException {
        if (type != SASL || sasl == null || authenticated) {
            throw failed("client tried invalid SASL step request");
        }
        try {
            return reply(sasl.step(data));
        } catch (AuthException e) {
            throw abandon(e);
        }
    }

    private SaslReply reply(Step step) {
        if (step.complete()) {
            SecurityLayer layer = sasl.layer();
            if (layer != null) {
                // the client protects what it sends as soon as it has this reply: read through the
                // layer from now on; writing switches once this reply is out (see takePendingLayer)
                transport.startReading(layer);
                pendingLayer = layer;
                pendingFor = Thread.currentThread();
            }
            LOG.info("client {} authenticated as '{}' with SASL {}{}", peer, sasl.identity(),
                    SaslServerSession.MECHANISM, layer == null ? "" : " and a security layer");
            sasl = null;
            authenticated = true;
        }
        return new SaslReply(step.complete(), step.data());
    }

    /**
     * The layer the call just answered on this thread negotiated, once: its reply is the last one
     * written in the clear. Null for every other reply.
     */
    synchronized SecurityLayer takePendingLayer() {
        if (pendingLayer == null || pendingFor != Thread.currentThread()) {
            return null;
        }
        SecurityLayer l = pendingLayer;
        pendingLayer = null;
        pendingFor = null;
        return l;
    }

    private VirtException abandon(AuthException e) {
        if (sasl != null) {
            sasl.dispose();
            sasl = null;
        }
        return failed(e.getMessage());
    }

    private VirtException failed(String why) {
        LOG.warn("client {}: SASL authentication failed: {}", peer, why);
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "authentication failed");
    }
}
