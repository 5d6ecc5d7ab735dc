package org.jvirt.driver.qemu.internal.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a new driver instance needs to take over a running guest, kept in the state store
 * (status record, key = UUID): the process (pid and start time identify it), its monitor socket
 * and log, the state, the vCPU thread ids, the live definition and whether the next power-off is a
 * reboot the driver asked for (libvirt's {@code <fakereboot/>} of the status XML): a driver that
 * takes over a guest powered off meanwhile must still restart it.
 */
public record RuntimeStatus(String name, int id, long pid, long startTime, String monitor, String log,
                            int state, int reason, Map<Integer, Long> vcpuThreads, String liveXml,
                            boolean fakeReboot) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RuntimeStatus {
        vcpuThreads = Map.copyOf(vcpuThreads);
    }

    public byte[] toBytes() {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", name).put("id", id).put("pid", pid).put("startTime", startTime).put("monitor", monitor)
                .put("log", log).put("state", state).put("reason", reason).put("liveXml", liveXml);
        if (fakeReboot) {
            o.put("fakeReboot", true);
        }
        ObjectNode threads = o.putObject("vcpuThreads");
        new TreeMap<>(vcpuThreads).forEach((k, v) -> threads.put(Integer.toString(k), v));
        return o.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    public static RuntimeStatus fromBytes(byte[] bytes) throws IOException {
        JsonNode o = JSON.readTree(bytes);
        if (o == null || !o.isObject() || !o.hasNonNull("pid") || !o.hasNonNull("liveXml")) {
            throw new IOException("not a QEMU runtime status record");
        }
        Map<Integer, Long> threads = new TreeMap<>();
        o.path("vcpuThreads").fields().forEachRemaining(e -> threads.put(Integer.valueOf(e.getKey()),
                e.getValue().asLong()));
        return new RuntimeStatus(o.path("name").asText(), o.path("id").asInt(-1), o.path("pid").asLong(),
                o.path("startTime").asLong(), o.path("monitor").asText(), o.path("log").asText(),
                o.path("state").asInt(), o.path("reason").asInt(), threads, o.path("liveXml").asText(),
                o.path("fakeReboot").asBoolean(false));
    }
}
