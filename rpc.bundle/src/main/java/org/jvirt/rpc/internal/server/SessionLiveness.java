package org.jvirt.rpc.internal.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one {@link ClientSession} is still alive, checked by the server's timer: a client whose
 * queued messages do not move is dropped, and one that asked for keepalive is pinged and dropped
 * once it leaves too many pings unanswered ({@link Keepalive} keeps that count).
 */
final class SessionLiveness {
    // logged as the session, as before this was split out of it
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final ClientSession session;
    private final Outbox outbox;
    private final Keepalive keepalive = new Keepalive();

    SessionLiveness(ClientSession session, Outbox outbox) {
        this.session = session;
        this.outbox = outbox;
    }

    /** Any message from the client: it is alive. */
    void received() {
        keepalive.received();
    }

    /** The client asked for keepalive: from now on it is pinged too. */
    void enableKeepalive() {
        keepalive.enable();
    }

    /**
     * Drops a client whose queued messages have not moved for keepalive interval x count (as
     * libvirtd's keepalive would drop a client it cannot read from, here also without keepalive),
     * then pings a client that asked for keepalive.
     */
    void tick(long now, long intervalNanos, int count) {
        if (session.isClosed() || intervalNanos <= 0) {
            return;
        }
        long stalled = outbox.stalledFor(now);
        if (stalled > intervalNanos * Math.max(1, count)) {
            if (session.close()) {
                LOG.warn("client {} has not read what the server sent for {} s ({} messages waiting): dropping it",
                        session.describe(), stalled / 1_000_000_000L, outbox.size());
            }
            return;
        }
        switch (keepalive.tick(now, intervalNanos, count)) {
            case PING -> session.send(Keepalive.ping());
            case DROP -> {
                LOG.warn("client {} did not answer {} keepalive pings: dropping it", session.describe(), count);
                session.close();
            }
            default -> { }
        }
    }
}
