package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.DomainEvent;

/**
 * One state change of a {@link TestHost} in progress: what the host was before it (a copy of
 * every domain and the next ID, to put back if the change fails), which domains it touched (to
 * journal once, at the end) and the events it raised (sent only once the change is recorded).
 * Lives under the host lock.
 */
final class HostChange {
    private final Map<UUID, DomainObj> before = new LinkedHashMap<>();
    private final int nextIdBefore;
    private final Set<UUID> touched = new LinkedHashSet<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private boolean nextIdChanged;

    HostChange(Map<UUID, DomainObj> domains, int nextId) {
        domains.forEach((uuid, dom) -> before.put(uuid, dom.copy()));
        this.nextIdBefore = nextId;
    }

    void touch(UUID uuid) {
        touched.add(uuid);
    }

    void nextIdChanged() {
        nextIdChanged = true;
    }

    boolean isNextIdChanged() {
        return nextIdChanged;
    }

    void raise(DomainEvent event) {
        events.add(event);
    }

    Set<UUID> touched() {
        return touched;
    }

    List<DomainEvent> events() {
        return events;
    }

    /** Puts the domains back as they were; returns the next ID as it was. */
    int restore(Map<UUID, DomainObj> domains) {
        domains.clear();
        before.forEach((uuid, dom) -> domains.put(uuid, dom.copy()));
        return nextIdBefore;
    }
}
