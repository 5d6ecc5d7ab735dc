package org.jvirt.network.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.spi.NetworkEventSink;
import org.jvirt.network.internal.conf.NetworkDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connections that want network events (libvirt's network event state), and delivery to them. */
final class NetworkEvents {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkEvents.class);

    private final Set<NetworkEventSink> sinks = new CopyOnWriteArraySet<>();

    void add(NetworkEventSink sink) {
        sinks.add(sink);
    }

    void remove(NetworkEventSink sink) {
        sinks.remove(sink);
    }

    /** Delivers to every sink; sinks queue and return (their contract), so this never blocks long. */
    void raise(NetworkDef def, NetworkEventType type) {
        NetworkEvent event = new NetworkEvent(def.name(), def.uuid(), type);
        for (NetworkEventSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a network event sink failed on {}", event, e);
            }
        }
    }
}
