package org.jvirt.secret.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.SecretEvent;
import org.jvirt.api.SecretEventType;
import org.jvirt.api.spi.SecretEventSink;
import org.jvirt.secret.internal.conf.SecretDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connections that want secret events (libvirt's secret event state), and delivery to them. */
final class SecretEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SecretEvents.class);

    private final Set<SecretEventSink> sinks = new CopyOnWriteArraySet<>();

    void add(SecretEventSink sink) {
        sinks.add(sink);
    }

    void remove(SecretEventSink sink) {
        sinks.remove(sink);
    }

    /** Delivers to every sink; sinks queue and return (their contract), so this never blocks long. */
    void raise(SecretDef def, SecretEventType type) {
        SecretEvent event = new SecretEvent(def.uuid(), def.usageType(), def.ref().usageId(), type);
        for (SecretEventSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a secret event sink failed on {}", event, e);
            }
        }
    }
}
