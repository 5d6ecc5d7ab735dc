package org.jvirt.driver.qemu.internal;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of command-line options as QMP arguments, and the QOM questions hot-plug asks. */
final class QmpJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QmpJson() {
    }

    /** A {@code -blockdev}/{@code -device} JSON value (the driver's own, never a guest's). */
    static JsonNode parse(String json) throws VirtException {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw QemuErrors.internal("cannot read option " + json + ": " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object(JsonNode node) throws VirtException {
        if (!(node instanceof ObjectNode o)) {
            throw QemuErrors.internal("not a JSON object: " + node);
        }
        return o.deepCopy();
    }

    /** Whether the guest has a device with id {@code id} ({@code qom-list /machine/peripheral}). */
    static boolean hasPeripheral(QmpClient qmp, String id) throws QmpException {
        JsonNode list = qmp.execute("qom-list", QmpClient.args().put("path", "/machine/peripheral"));
        for (JsonNode p : list) {
            if (id.equals(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
