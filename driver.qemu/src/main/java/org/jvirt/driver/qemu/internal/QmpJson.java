package org.jvirt.driver.qemu.internal;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The node names the guest's block layer has now ({@code query-named-block-nodes}), so a new node
     * never takes the name of one a failed or unfinished removal left behind.
     */
    static List<String> blockNodeNames(QmpClient qmp) throws VirtException {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode n : qmp.execute("query-named-block-nodes", QmpClient.args().put("flat", true))) {
                names.add(n.path("node-name").asText());
            }
        } catch (QmpException e) {
            throw QemuErrors.internal(e.getMessage(), e);
        }
        return names;
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
