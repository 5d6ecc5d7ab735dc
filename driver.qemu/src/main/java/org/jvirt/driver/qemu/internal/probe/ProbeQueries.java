package org.jvirt.driver.qemu.internal.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.CpuModel;
import org.jvirt.driver.qemu.internal.caps.MachineType;
import org.jvirt.driver.qemu.internal.caps.QemuCapsBuilder;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The questions libvirt's virQEMUCapsInitQMPMonitor asks a probe process, and how the answers
 * become capability flags. The probe runs under TCG, so machines and CPU models are recorded for
 * TCG; when KVM is usable on this host the same machines are recorded for KVM too (libvirt probes
 * a second time with KVM; machine types do not depend on the accelerator).
 */
final class ProbeQueries {
    private final QmpClient qmp;
    private final QemuCapsBuilder b;

    ProbeQueries(QmpClient qmp, QemuCapsBuilder b) {
        this.qmp = qmp;
        this.b = b;
    }

    void run() throws QmpException {
        JsonNode v = qmp.execute("query-version", null);
        b.version(v.path("qemu").path("major").asInt(), v.path("qemu").path("minor").asInt(),
                v.path("qemu").path("micro").asInt(), v.path("package").asText("").strip());
        b.arch(libvirtArch(qmp.execute("query-target", null).path("arch").asText("x86_64")));
        Set<String> commands = names(qmp.execute("query-commands", null));
        b.commands(commands);
        Set<String> types = names(qmp.execute("qom-list-types", null));
        b.qomTypes(types);
        DomainCapsQueries domainCaps = new DomainCapsQueries(qmp, b);
        domainCaps.types(types);
        domainCaps.commands(commands);
        if (types.contains("thread-context")) {
            b.flag("thread-context");
        }
        if (types.contains("tcg-accel")) {
            b.flag("tcg");
        }
        boolean kvm = kvm(commands);
        if (kvm) {
            b.flag("kvm");
        }
        List<MachineType> machines = machines(qmp.execute("query-machines", null));
        for (MachineType m : machines) {
            b.machine(Accel.TCG, m);
            if (kvm) {
                b.machine(Accel.KVM, m);
            }
        }
        if (commands.contains("query-cpu-definitions")) {
            List<String> cpuNames = new ArrayList<>();
            for (JsonNode c : qmp.execute("query-cpu-definitions", null)) {
                cpuNames.add(c.path("name").asText());
                List<String> blockers = new ArrayList<>();
                c.path("unavailable-features").forEach(f -> blockers.add(f.asText()));
                String usable = c.has("unavailable-features") ? (blockers.isEmpty() ? "yes" : "no") : null;
                b.cpuModel(Accel.TCG, new CpuModel(c.path("name").asText(), text(c, "typename"), usable, blockers,
                        c.path("deprecated").asBoolean(false)));
            }
            domainCaps.cpuDefinitions(cpuNames);
        }
        if (commands.contains("query-command-line-options")) {
            JsonNode options = qmp.execute("query-command-line-options", null);
            smpOptions(options);
            domainCaps.commandLineOptions(options);
        }
        String maxCpu = types.contains("max-x86_64-cpu") ? "max-x86_64-cpu"
                : types.contains("max-i386-cpu") ? "max-i386-cpu" : null;
        if (commands.contains("qom-list-properties") && maxCpu != null) {
            Set<String> props = names(qmp.execute("qom-list-properties",
                    QmpClient.args().put("typename", maxCpu)));
            if (props.contains("migratable")) {
                b.flag("cpu.migratable");
            }
            domainCaps.cpuProperties(props);
        }
        if (commands.contains("query-cpu-model-expansion") && maxCpu != null) {
            domainCaps.hostCpu();
        }
        if (commands.contains("query-qmp-schema") && commands.contains("blockdev-add")) {
            // libvirt requires -blockdev support of every QEMU it drives (>= 4.2); the schema tells
            domainCaps.schema(qmp.execute("query-qmp-schema", null), commands);
            b.flag("blockdev");
        }
    }

    /** libvirt's names for QEMU's targets (virQEMUCapsArchFromString). */
    static String libvirtArch(String target) {
        return switch (target) {
            case "i386" -> "i686";
            case "arm" -> "armv7l";
            default -> target;
        };
    }

    /** KVM is usable when QEMU has it built in and this process may open {@code /dev/kvm}. */
    private boolean kvm(Set<String> commands) throws QmpException {
        if (!commands.contains("query-kvm")) {
            return false;
        }
        boolean present = qmp.execute("query-kvm", null).path("present").asBoolean(false);
        Path dev = Path.of("/dev/kvm");
        return present && Files.isReadable(dev) && Files.isWritable(dev);
    }

    static List<MachineType> machines(JsonNode reply) {
        List<MachineType> out = new ArrayList<>();
        for (JsonNode m : reply) {
            String name = m.path("name").asText();
            if (name.equals("none")) {
                continue; // libvirt drops the probe's own machine
            }
            out.add(new MachineType(name, text(m, "alias"), m.path("cpu-max").asInt(),
                    m.path("hotpluggable-cpus").asBoolean(false), m.path("is-default").asBoolean(false),
                    text(m, "default-cpu-type"), text(m, "default-ram-id"), m.path("deprecated").asBoolean(false),
                    m.path("acpi").asBoolean(false), m.path("numa-mem-supported").asBoolean(false)));
        }
        return out;
    }

    private void smpOptions(JsonNode options) {
        for (JsonNode o : options) {
            if (o.path("option").asText().equals("smp-opts")) {
                Set<String> params = new HashSet<>();
                o.path("parameters").forEach(p -> params.add(p.path("name").asText()));
                if (params.contains("dies")) {
                    b.flag("smp-dies");
                }
                if (params.contains("clusters")) {
                    b.flag("smp-clusters");
                }
            }
        }
    }

    private static Set<String> names(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
