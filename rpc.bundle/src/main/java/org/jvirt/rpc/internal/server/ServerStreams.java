package org.jvirt.rpc.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.rpc.internal.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open streams of one client, found by the serial of the call that opened them (libvirtd's
 * stream filters). Stream messages for no open stream are dropped, as libvirtd does: data may
 * still arrive after a stream has ended.
 */
final class ServerStreams {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStreams.class);

    private final Map<Integer, ServerStream> bySerial = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Adds a stream; false when the client has gone already (then the caller aborts it). */
    boolean add(ServerStream s) {
        bySerial.put(s.serial(), s);
        if (closed) {
            bySerial.remove(s.serial(), s);
            return false;
        }
        return true;
    }

    void remove(ServerStream s) {
        bySerial.remove(s.serial(), s);
    }

    /** Hands a VIR_NET_STREAM(_HOLE) message to its stream; false when no stream takes it. */
    boolean route(Message m) {
        ServerStream s = bySerial.get(m.serial());
        if (s == null || s.proc() != m.proc()) {
            LOG.debug("ignoring unexpected stream data serial={} proc={} status={}", m.serial(), m.proc(), m.status());
            return false;
        }
        s.received(m);
        return true;
    }

    /** The client went away: every stream is aborted. */
    void closeAll() {
        closed = true;
        List<ServerStream> all = new ArrayList<>(bySerial.values());
        bySerial.clear();
        all.forEach(ServerStream::clientClosed);
    }

    int size() {
        return bySerial.size();
    }
}
