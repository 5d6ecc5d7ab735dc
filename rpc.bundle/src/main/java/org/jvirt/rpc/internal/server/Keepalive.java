package org.jvirt.rpc.internal.server;

import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;

/**
 * libvirt's keepalive for one client ({@code virKeepAlive}): once the client asked for it, a ping
 * after {@code interval} of silence, and the client is dead after {@code count} unanswered ones.
 * Only the bookkeeping: the session sends and drops.
 */
final class Keepalive {
    /** What the timer should do with the client now. */
    enum Action { NOTHING, PING, DROP }

    private volatile boolean enabled;
    private volatile long lastReceived = System.nanoTime();
    private volatile long lastPing;
    private volatile int unansweredPings;

    /** The client asked whether the server speaks keepalive: from now on it is pinged too. */
    void enable() {
        enabled = true;
    }

    /** Any message from the client: it is alive. */
    void received() {
        lastReceived = System.nanoTime();
        unansweredPings = 0;
    }

    /** Called by the server's timer; a PING answer counts as sent. */
    Action tick(long now, long intervalNanos, int count) {
        if (!enabled || intervalNanos <= 0) {
            return Action.NOTHING;
        }
        long silentSince = Math.max(lastReceived, lastPing);
        if (now - silentSince < intervalNanos) {
            return Action.NOTHING;
        }
        if (unansweredPings >= count) {
            return Action.DROP;
        }
        unansweredPings++;
        lastPing = now;
        return Action.PING;
    }

    static Message ping() {
        return new Message(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PING,
                MessageType.MESSAGE, 0, MessageType.STATUS_OK, new byte[0]);
    }

    static Message pong() {
        return new Message(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PONG,
                MessageType.MESSAGE, 0, MessageType.STATUS_OK, new byte[0]);
    }
}
