package org.jvirt.driver.qemu.internal.vcpu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Combines the replies of {@code query-hotpluggable-cpus} and {@code query-cpus-fast} into one
 * slot per libvirt vCPU, as libvirt's {@code qemuMonitorGetCPUInfo} does: hotpluggable entities
 * sorted by topology fill consecutive slots, and each running vCPU is matched to its slot by QOM
 * path. When the entities do not add up to the maximum vCPU count, falls back to the legacy
 * mapping (the i-th running vCPU fills slot i).
 */
public final class CpuInfoMerger {

    private CpuInfoMerger() {
    }

    private record Entity(String type, int vcpus, int node, int socket, int die, int cluster, int core,
                          int thread, String qomPath, String alias) {
    }

    private record Running(int cpuIndex, long threadId, String qomPath, boolean halted) {
    }

    /**
     * @param hotplug  the {@code return} array of {@code query-hotpluggable-cpus}
     * @param cpus     the {@code return} array of {@code query-cpus-fast}
     * @param maxVcpus the domain's maximum vCPU count
     */
    public static List<VcpuSlot> merge(JsonNode hotplug, JsonNode cpus, int maxVcpus) {
        List<Entity> entities = new ArrayList<>();
        for (JsonNode e : hotplug) {
            entities.add(entity(e));
        }
        List<Running> running = new ArrayList<>();
        for (JsonNode c : cpus) {
            running.add(running(c));
        }
        List<VcpuSlot> slots = new ArrayList<>(maxVcpus);
        for (int i = 0; i < maxVcpus; i++) {
            slots.add(new VcpuSlot());
        }
        int total = entities.stream().mapToInt(Entity::vcpus).sum();
        if (total != maxVcpus) {
            legacy(running, slots);
            return slots;
        }
        entities.sort(Comparator.comparingInt(Entity::socket).thenComparingInt(Entity::die)
                .thenComparingInt(Entity::cluster).thenComparingInt(Entity::core).thenComparingInt(Entity::thread));
        int[] enableIds = enableIds(entities, running);
        int slot = 0;
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            VcpuSlot first = slots.get(slot);
            first.online = e.qomPath() != null;
            first.hotpluggable = e.alias() != null || !first.online;
            first.node = e.node();
            first.socket = e.socket();
            first.die = e.die();
            first.cluster = e.cluster();
            first.core = e.core();
            first.thread = e.thread();
            first.vcpus = e.vcpus();
            first.qomPath = e.qomPath();
            first.alias = e.alias();
            first.type = e.type();
            first.enableId = enableIds[i];
            for (int j = 1; j < e.vcpus(); j++) {
                slots.get(slot + j).online = first.online;
                slots.get(slot + j).hotpluggable = first.hotpluggable;
            }
            slot += e.vcpus();
        }
        for (Running r : running) {
            assign(r, slots);
        }
        return slots;
    }

    /** The first match (by QOM path) of each entity, in the order QEMU lists its vCPUs, is enabled next. */
    private static int[] enableIds(List<Entity> entities, List<Running> running) {
        int[] ids = new int[entities.size()];
        int next = 1;
        for (Running r : running) {
            for (int j = 0; j < entities.size(); j++) {
                if (r.qomPath() != null && r.qomPath().equals(entities.get(j).qomPath())) {
                    if (ids[j] == 0) {
                        ids[j] = next++;
                    }
                    break;
                }
            }
        }
        return ids;
    }

    private static void assign(Running r, List<VcpuSlot> slots) {
        if (r.qomPath() == null) {
            return;
        }
        for (int j = 0; j < slots.size(); j++) {
            if (!r.qomPath().equals(slots.get(j).qomPath)) {
                continue;
            }
            int target = j;
            if (slots.get(j).vcpus != 1) {
                // a multi-vCPU entity (a ppc64 core): its threads take its slots in turn
                while (target < slots.size() && slots.get(target).threadId != 0) {
                    target++;
                }
                if (target == slots.size()) {
                    return;
                }
            }
            VcpuSlot s = slots.get(target);
            s.queryCpusId = r.cpuIndex();
            s.threadId = r.threadId();
            s.halted = r.halted();
            return;
        }
    }

    private static void legacy(List<Running> running, List<VcpuSlot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            VcpuSlot s = slots.get(i);
            if (i < running.size()) {
                Running r = running.get(i);
                s.threadId = r.threadId();
                s.halted = r.halted();
                s.queryCpusId = r.cpuIndex();
                s.qomPath = r.qomPath();
                s.online = true;
            }
            s.vcpus = 1;
        }
    }

    private static Entity entity(JsonNode e) {
        JsonNode props = e.path("props");
        String qomPath = e.hasNonNull("qom-path") ? e.get("qom-path").asText() : null;
        String alias = null;
        if (qomPath != null) {
            String last = qomPath.substring(qomPath.lastIndexOf('/') + 1);
            alias = last.startsWith("vcpu") ? last : null;
        }
        return new Entity(e.path("type").asText(null), e.path("vcpus-count").asInt(0), id(props, "node-id"),
                id(props, "socket-id"), id(props, "die-id"), id(props, "cluster-id"), id(props, "core-id"),
                id(props, "thread-id"), qomPath, alias);
    }

    private static Running running(JsonNode c) {
        String qomPath = c.hasNonNull("qom-path") ? c.get("qom-path").asText() : null;
        if (qomPath != null && qomPath.contains("/thread")) {
            qomPath = qomPath.substring(0, qomPath.indexOf("/thread"));
        }
        String state = c.path("cpu-state").asText("");
        boolean halted = state.equals("stopped") || state.equals("check-stop");
        return new Running(c.path("cpu-index").asInt(-1), c.path("thread-id").asLong(0), qomPath, halted);
    }

    private static int id(JsonNode props, String name) {
        JsonNode v = props.get(name);
        return v != null && v.canConvertToInt() ? v.asInt() : -1;
    }
}
