package org.jvirt.driver.qemu.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code block.*} statistics, as libvirt's {@code qemuDomainGetStatsBlock}: every disk's
 * target and source, and while the guest runs its I/O counters ({@code query-blockstats}) and
 * sizes ({@code query-block}), found by the node name the command line gave the disk
 * ({@code libvirt-N-format} or {@code -storage}, N counting from the last disk).
 */
final class BlockStats {
    private static final Logger LOG = LoggerFactory.getLogger(BlockStats.class);
    /** libvirt's names for query-blockstats' counters, in its order. */
    private static final String[][] COUNTERS = {
        {"rd.reqs", "rd_operations"}, {"rd.bytes", "rd_bytes"}, {"rd.times", "rd_total_time_ns"},
        {"wr.reqs", "wr_operations"}, {"wr.bytes", "wr_bytes"}, {"wr.times", "wr_total_time_ns"},
        {"fl.reqs", "flush_operations"}, {"fl.times", "flush_total_time_ns"},
    };

    private BlockStats() {
    }

    /** Caller holds the domain's lock. */
    static void add(QemuDomainObj dom, DomainDef def, boolean active, List<TypedParameter> p) {
        List<Disk> disks = def.devices().disks();
        Map<String, JsonNode> stats = new HashMap<>();
        Map<String, JsonNode> images = new HashMap<>();
        QmpClient qmp = dom.qmp();
        if (active && qmp != null) {
            try {
                stats.putAll(byNodeName(qmp));
                for (JsonNode b : qmp.execute("query-block", null)) {
                    JsonNode inserted = b.path("inserted");
                    images.put(inserted.path("node-name").asText(), inserted.path("image"));
                }
            } catch (QmpException e) {
                LOG.debug("domain '{}': no block statistics: {}", dom.name(), e.getMessage());
            }
        }
        p.add(TypedParameter.ofUInt("block.count", disks.size()));
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            String prefix = "block." + i + ".";
            p.add(TypedParameter.ofString(prefix + "name", disk.targetDev()));
            String path = path(disk.source());
            if (path != null) {
                p.add(TypedParameter.ofString(prefix + "path", path));
            }
            int node = node(disks, i);
            JsonNode s = byNode(stats, node);
            if (s == null) {
                continue;
            }
            JsonNode counters = s.path("stats");
            for (String[] c : COUNTERS) {
                p.add(TypedParameter.ofULong(prefix + c[0], counters.path(c[1]).asLong()));
            }
            if (counters.has("wr_highest_offset")) {
                p.add(TypedParameter.ofULong(prefix + "allocation", counters.path("wr_highest_offset").asLong()));
            }
            JsonNode image = byNode(images, node);
            if (image != null && image.has("virtual-size")) {
                p.add(TypedParameter.ofULong(prefix + "capacity", image.path("virtual-size").asLong()));
                if (image.has("actual-size")) {
                    p.add(TypedParameter.ofULong(prefix + "physical", image.path("actual-size").asLong()));
                }
            }
        }
    }

    /** query-blockstats' entries by the node name of their block node. */
    static Map<String, JsonNode> byNodeName(QmpClient qmp) throws QmpException {
        Map<String, JsonNode> stats = new HashMap<>();
        for (JsonNode s : qmp.execute("query-blockstats", null)) {
            stats.put(s.path("node-name").asText(), s);
        }
        return stats;
    }

    /** The N of the node names the command line gave disk {@code i}: counted from the last disk. */
    static int node(List<Disk> disks, int i) {
        return disks.size() - i;
    }

    /** The entry of disk node N: its format layer, or its storage when it has none. */
    static JsonNode byNode(Map<String, JsonNode> byName, int node) {
        JsonNode n = byName.get("libvirt-" + node + "-format");
        return n != null ? n : byName.get("libvirt-" + node + "-storage");
    }

    static String path(DiskSource src) {
        if (src == null) {
            return null;
        }
        return src.file() != null ? src.file() : src.dev() != null ? src.dev() : src.dir();
    }
}
