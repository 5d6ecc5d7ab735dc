package org.jvirt.driver.qemu.internal.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.HostCpuExpansion;
import org.jvirt.driver.qemu.internal.caps.QemuCapsBuilder;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The probe questions behind the domain capabilities, as libvirt 9.0 asks them: the flags keyed on
 * QOM types, commands, the QMP schema and command-line options that the devices and features of
 * {@code virsh domcapabilities} read, and the static expansion of the host CPU ({@code host} under
 * KVM, {@code max} under TCG) with the migratability of each feature, from which the host-model
 * CPU is decoded. The full expansion gives the Hyper-V enlightenments, as libvirt's Debian build
 * reports them for TCG too.
 */
final class DomainCapsQueries {
    /** QOM types whose libvirt flag has another name. */
    private static final Map<String, String> TYPE_FLAGS = Map.ofEntries(Map.entry("virtio-gpu-pci", "virtio-gpu"),
            Map.entry("virtio-gpu-device", "virtio-gpu"), Map.entry("virtio-gpu-ccw", "virtio-gpu"),
            Map.entry("iothread", "iothread"), Map.entry("vhost-user-fs-device", "vhost-user-fs"),
            Map.entry("virtio-blk-pci-transitional", "virtio-pci-non-transitional"),
            Map.entry("virtio-blk-pci-non-transitional", "virtio-pci-non-transitional"),
            Map.entry("tpm-spapr", "tpm-spapr"), Map.entry("spapr-tpm-proxy", "spapr-tpm-proxy"),
            Map.entry("vt82c686b-usb-uhci", "vt82c686b-usb-uhci"));

    private final QmpClient qmp;
    private final QemuCapsBuilder b;

    DomainCapsQueries(QmpClient qmp, QemuCapsBuilder b) {
        this.qmp = qmp;
        this.b = b;
    }

    void types(Set<String> types) {
        TYPE_FLAGS.forEach((type, flag) -> {
            if (types.contains(type)) {
                b.flag(flag);
            }
        });
    }

    void commands(Set<String> commands) throws QmpException {
        if (commands.contains("query-vnc")) {
            b.flag("vnc");
        }
        if (commands.contains("query-tpm-models")) {
            Set<String> models = texts(qmp.execute("query-tpm-models", null));
            flagIf(models.contains("tpm-tis"), "tpm-tis");
            flagIf(models.contains("tpm-crb"), "tpm-crb");
            flagIf(models.contains("tpm-spapr"), "tpm-spapr");
        }
        if (commands.contains("query-tpm-types")) {
            Set<String> types = texts(qmp.execute("query-tpm-types", null));
            flagIf(types.contains("passthrough"), "tpm-passthrough");
            flagIf(types.contains("emulator"), "tpm-emulator");
        }
    }

    /** virQEMUCapsQMPSchemaQueries: display types, and what incremental backup needs. */
    void schema(JsonNode schema, Set<String> commands) {
        Map<String, JsonNode> byName = new HashMap<>();
        schema.forEach(e -> byName.put(e.path("name").asText(), e));
        Set<String> displays = variantCases(byName, retType(byName, "query-display-options"));
        flagIf(displays.contains("sdl"), "sdl");
        flagIf(displays.contains("egl-headless"), "egl-headless");
        flagIf(displays.contains("dbus"), "display-dbus");
        boolean bitmapMapping = members(byName, argType(byName, "migrate-set-parameters"))
                .contains("block-bitmap-mapping");
        // virQEMUCapsInitProcessCapsInterlock: backups need blockdev-reopen and bitmap mapping
        flagIf(commands.contains("blockdev-reopen") && bitmapMapping, "incremental-backup");
    }

    void commandLineOptions(JsonNode options) {
        for (JsonNode o : options) {
            flagIf(o.path("option").asText().equals("spice"), "spice");
        }
    }

    void cpuDefinitions(List<String> names) {
        flagIf(names.contains("max"), "cpu-max");
    }

    void cpuProperties(Set<String> props) {
        flagIf(props.contains("unavailable-features"), "cpu-unavailable-features");
    }

    /**
     * virQEMUCapsProbeQMPHostCPU: the static expansion of {@code host} under KVM, of {@code max}
     * under TCG, each feature with its migratability; and in the first probe (not in the second,
     * TCG-only one) the Hyper-V enlightenments from the full expansion.
     */
    void hostCpu(Accel accel) throws QmpException {
        String cpu = accel == Accel.KVM ? "host" : "max";
        JsonNode migratable = expand(cpu, "static", false);
        JsonNode all = expand(cpu, "static", true);
        Map<String, JsonNode> nonMigratable = new HashMap<>();
        all.path("props").fields().forEachRemaining(e -> nonMigratable.put(e.getKey(), e.getValue()));
        List<HostCpuExpansion.Prop> props = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = migratable.path("props").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isBoolean()) {
                JsonNode nm = nonMigratable.get(e.getKey());
                if (v.asBoolean()) {
                    props.add(new HostCpuExpansion.Prop(e.getKey(), "boolean", "true", "yes"));
                } else if (nm != null && nm.isBoolean() && nm.asBoolean()) {
                    props.add(new HostCpuExpansion.Prop(e.getKey(), "boolean", "true", "no"));
                } else {
                    props.add(new HostCpuExpansion.Prop(e.getKey(), "boolean", "false", null));
                }
            } else if (v.isNumber()) {
                props.add(new HostCpuExpansion.Prop(e.getKey(), "number", v.asText(), null));
            } else if (v.isTextual()) {
                props.add(new HostCpuExpansion.Prop(e.getKey(), "string", v.asText(), null));
            }
        }
        b.hostCpu(accel, new HostCpuExpansion(migratable.path("name").asText(), true, props));
    }

    /** virQEMUCapsProbeHypervCapabilities from the full expansion of the probe's host CPU. */
    void hyperv(Accel accel) throws QmpException {
        hyperv(expand(accel == Accel.KVM ? "host" : "max", "full", false).path("props"));
    }

    /** virQEMUCapsProbeHypervCapabilities: {@code hv-*} properties that are on, in libvirt's names. */
    private void hyperv(JsonNode props) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        props.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("hv-")) {
                JsonNode v = e.getValue();
                boolean on = v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.asLong() > 0 : v.isTextual();
                found.put(e.getKey().substring(3).replace('-', '_'), on);
            }
        });
        found.forEach((name, on) -> {
            if (on && HYPERV.contains(name)) {
                b.hypervCap(name);
            }
        });
    }

    private static final Set<String> HYPERV = Set.of("relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic",
            "stimer", "reset", "vendor_id", "frequencies", "reenlightenment", "tlbflush", "ipi", "evmcs", "avic");

    private JsonNode expand(String cpu, String type, boolean nonMigratable) throws QmpException {
        ObjectNode args = QmpClient.args().put("type", type);
        ObjectNode model = args.putObject("model").put("name", cpu);
        if (nonMigratable) {
            model.putObject("props").put("migratable", false);
        }
        return qmp.execute("query-cpu-model-expansion", args).path("model");
    }

    private void flagIf(boolean condition, String flag) {
        if (condition) {
            b.flag(flag);
        }
    }

    private static String retType(Map<String, JsonNode> schema, String command) {
        JsonNode c = schema.get(command);
        return c == null ? null : c.path("ret-type").asText(null);
    }

    private static String argType(Map<String, JsonNode> schema, String command) {
        JsonNode c = schema.get(command);
        return c == null ? null : c.path("arg-type").asText(null);
    }

    private static Set<String> variantCases(Map<String, JsonNode> schema, String type) {
        JsonNode t = type == null ? null : schema.get(type);
        Set<String> out = new HashSet<>();
        if (t != null) {
            t.path("variants").forEach(v -> out.add(v.path("case").asText()));
        }
        return out;
    }

    private static Set<String> members(Map<String, JsonNode> schema, String type) {
        JsonNode t = type == null ? null : schema.get(type);
        Set<String> out = new HashSet<>();
        if (t != null) {
            t.path("members").forEach(m -> out.add(m.path("name").asText()));
        }
        return out;
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
