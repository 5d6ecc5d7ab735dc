package org.jvirt.driver.qemu.internal.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * become capability flags. Machines, CPU models and the host CPU are recorded for the accelerator
 * the probe runs under (KVM when QEMU enabled it, else TCG); {@link #runTcg()} asks the second,
 * TCG-only probe what libvirt's virQEMUCapsInitQMPMonitorTCG asks.
 */
final class ProbeQueries {
    private final QmpClient qmp;
    private final QemuCapsBuilder b;

    ProbeQueries(QmpClient qmp, QemuCapsBuilder b) {
        this.qmp = qmp;
        this.b = b;
    }

    /** @return whether the probe QEMU runs under KVM (then libvirt probes TCG separately) */
    boolean run() throws QmpException {
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
        Accel accel = kvm ? Accel.KVM : Accel.TCG;
        machines(accel);
        if (commands.contains("query-cpu-definitions")) {
            domainCaps.cpuDefinitions(cpuDefinitions(accel));
        }
        if (commands.contains("query-command-line-options")) {
            JsonNode options = qmp.execute("query-command-line-options", null);
            smpOptions(options);
            domainCaps.commandLineOptions(options);
        }
        // libvirt reads the properties of max-x86_64-cpu only: qemu-system-i386 has none of its flags
        if (commands.contains("qom-list-properties") && types.contains("max-x86_64-cpu")) {
            Set<String> props = names(qmp.execute("qom-list-properties",
                    QmpClient.args().put("typename", "max-x86_64-cpu")));
            if (props.contains("migratable")) {
                b.flag("cpu.migratable");
            }
            domainCaps.cpuProperties(props);
        }
        if (commands.contains("query-cpu-model-expansion") && isX86(types)) {
            domainCaps.hostCpu(accel);
            domainCaps.hyperv(accel);
        }
        if (commands.contains("query-qmp-schema") && commands.contains("blockdev-add")) {
            // libvirt requires -blockdev support of every QEMU it drives (>= 4.2); the schema tells
            domainCaps.schema(qmp.execute("query-qmp-schema", null), commands);
            b.flag("blockdev");
        }
        return kvm;
    }

    /**
     * The second probe when the first ran under KVM (virQEMUCapsInitQMPMonitorTCG): the CPU
     * models with their usability, the host CPU ({@code max}) and the machines, for TCG.
     */
    void runTcg() throws QmpException {
        Set<String> commands = names(qmp.execute("query-commands", null));
        if (commands.contains("query-cpu-definitions")) {
            cpuDefinitions(Accel.TCG);
        }
        Set<String> types = names(qmp.execute("qom-list-types", null));
        if (commands.contains("query-cpu-model-expansion") && isX86(types)) {
            new DomainCapsQueries(qmp, b).hostCpu(Accel.TCG);
        }
        machines(Accel.TCG);
    }

    private static boolean isX86(Set<String> types) {
        return types.contains("max-x86_64-cpu") || types.contains("max-i386-cpu");
    }

    /**
     * virQEMUCapsProbeQMPMachineTypes: the machines with libvirt's preferred one for the target
     * ({@code pc} on x86) first, else QEMU's default first.
     */
    private void machines(Accel accel) throws QmpException {
        for (MachineType m : preferredFirst(machines(qmp.execute("query-machines", null)),
                PREFERRED_MACHINES.get(b.arch()))) {
            b.machine(accel, m);
        }
    }

    static List<MachineType> preferredFirst(List<MachineType> machines, String preferred) {
        int first = -1;
        for (int i = 0; i < machines.size() && preferred != null; i++) {
            MachineType m = machines.get(i);
            if (preferred.equals(m.alias()) || preferred.equals(m.name())) {
                first = i; // libvirt keeps the last match
            }
        }
        for (int i = 0; i < machines.size() && first < 0; i++) {
            if (machines.get(i).isDefault()) {
                first = i;
            }
        }
        if (first <= 0) {
            return machines;
        }
        List<MachineType> out = new ArrayList<>(machines.size());
        out.add(machines.get(first));
        for (int i = 0; i < machines.size(); i++) {
            if (i != first) {
                out.add(machines.get(i));
            }
        }
        return out;
    }

    /** libvirt's preferredMachines, by libvirt architecture. */
    private static final Map<String, String> PREFERRED_MACHINES = Map.ofEntries(Map.entry("alpha", "clipper"),
            Map.entry("armv6l", "integratorcp"), Map.entry("armv7l", "integratorcp"),
            Map.entry("armv7b", "integratorcp"), Map.entry("aarch64", "integratorcp"), Map.entry("cris", "axis-dev88"),
            Map.entry("i686", "pc"), Map.entry("lm32", "lm32-evr"), Map.entry("m68k", "mcf5208evb"),
            Map.entry("microblaze", "petalogix-s3adsp1800"), Map.entry("microblazeel", "petalogix-s3adsp1800"),
            Map.entry("mips", "malta"), Map.entry("mipsel", "malta"), Map.entry("mips64", "malta"),
            Map.entry("mips64el", "malta"), Map.entry("openrisc", "or1k-sim"), Map.entry("ppc", "g3beige"),
            Map.entry("ppcle", "g3beige"), Map.entry("ppc64", "pseries"), Map.entry("ppc64le", "pseries"),
            Map.entry("ppcemb", "bamboo"), Map.entry("riscv32", "spike_v1.10"), Map.entry("riscv64", "spike_v1.10"),
            Map.entry("s390x", "s390-ccw-virtio"), Map.entry("sh4", "shix"), Map.entry("sh4eb", "shix"),
            Map.entry("sparc", "SS-5"), Map.entry("sparc64", "sun4u"), Map.entry("unicore32", "puv3"),
            Map.entry("x86_64", "pc"), Map.entry("xtensa", "sim"), Map.entry("xtensaeb", "sim"));

    /** query-cpu-definitions: the models, usable when QEMU names no unavailable feature. */
    private List<String> cpuDefinitions(Accel accel) throws QmpException {
        List<String> cpuNames = new ArrayList<>();
        for (JsonNode c : qmp.execute("query-cpu-definitions", null)) {
            cpuNames.add(c.path("name").asText());
            List<String> blockers = new ArrayList<>();
            c.path("unavailable-features").forEach(f -> blockers.add(f.asText()));
            String usable = c.has("unavailable-features") ? (blockers.isEmpty() ? "yes" : "no") : null;
            b.cpuModel(accel, new CpuModel(c.path("name").asText(), text(c, "typename"), usable, blockers,
                    c.path("deprecated").asBoolean(false)));
        }
        return cpuNames;
    }

    /** libvirt's names for QEMU's targets (virQEMUCapsArchFromString). */
    static String libvirtArch(String target) {
        return switch (target) {
            case "i386" -> "i686";
            case "arm" -> "armv7l";
            default -> target;
        };
    }

    /**
     * virQEMUCapsProbeQMPKVMState: KVM counts when QEMU has it built in and enabled it for the
     * probe, i.e. it could open and use {@code /dev/kvm}.
     */
    private boolean kvm(Set<String> commands) throws QmpException {
        if (!commands.contains("query-kvm")) {
            return false;
        }
        JsonNode state = qmp.execute("query-kvm", null);
        return state.path("present").asBoolean(false) && state.path("enabled").asBoolean(false);
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
