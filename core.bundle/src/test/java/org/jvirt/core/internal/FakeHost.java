package org.jvirt.core.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.DomainState;

/**
 * The "hypervisor" behind the fake drivers of these router tests: it outlives driver instances,
 * as guests and the state store outlive a real driver bundle.
 */
final class FakeHost {
    final Map<UUID, Dom> domains = new ConcurrentHashMap<>();
    /** How many calls each driver generation served. */
    final Map<Integer, AtomicInteger> servedBy = new ConcurrentHashMap<>();

    static final class Dom {
        final String name;
        final UUID uuid;
        volatile DomainState state;
        volatile int id;

        Dom(String name, UUID uuid, DomainState state, int id) {
            this.name = name;
            this.uuid = uuid;
            this.state = state;
            this.id = id;
        }
    }

    FakeHost() {
        add("test", UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), DomainState.RUNNING, 1);
    }

    Dom add(String name, UUID uuid, DomainState state, int id) {
        Dom d = new Dom(name, uuid, state, id);
        domains.put(uuid, d);
        return d;
    }

    void served(int generation) {
        servedBy.computeIfAbsent(generation, g -> new AtomicInteger()).incrementAndGet();
    }

    int served(List<Integer> generations) {
        return generations.stream().mapToInt(g -> servedBy.getOrDefault(g, new AtomicInteger()).get()).sum();
    }
}
