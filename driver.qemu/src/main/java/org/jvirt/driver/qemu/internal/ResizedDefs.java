package org.jvirt.driver.qemu.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainDefBuilder;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.api.xml.VcpuEntry;

/**
 * Definitions with a new memory size, vCPU count or balloon statistics period: libvirt's
 * {@code virDomainDefSetMemoryTotal}, {@code virDomainDefSetVcpusMax}, {@code qemuDomainSetVcpusConfig}.
 */
final class ResizedDefs {
    private ResizedDefs() {
    }

    /** The balloon device, or null when there is none ({@code virDomainDefHasMemballoon}). */
    static MemBalloon balloon(DomainDef def) {
        return def.devices().ofType(MemBalloon.class).stream()
                .filter(b -> b.model() != null && b.model().startsWith("virtio")).findFirst().orElse(null);
    }

    /**
     * A definition that names no {@code <memballoon>} gets the virtio balloon QEMU guests have by
     * default (libvirt adds it when it parses the definition; jvirt when the guest starts).
     */
    static DomainDef withImplicitBalloon(DomainDef def) {
        if (!def.devices().ofType(MemBalloon.class).isEmpty()) {
            return def;
        }
        List<Device> all = new ArrayList<>(def.devices().all());
        all.add(MemBalloon.builder().model("virtio").build());
        return def.withDevices(def.devices().withAll(all));
    }

    /** The balloon's target ({@code <currentMemory>}). */
    static DomainDef withCurrentMemory(DomainDef def, long kib) {
        return def.withMemory(def.memory(), new Memory(kib));
    }

    /** The initial memory ({@code <memory>}); the balloon target is lowered to it where it was above. */
    static DomainDef withTotalMemory(DomainDef def, long kib) {
        Memory total = def.memory();
        long current = Math.min(def.currentMemoryKib(), kib);
        return def.withMemory(new Memory(kib, total.slots(), total.dumpCore()), new Memory(current));
    }

    /** {@code <memballoon><stats period>}; 0 formats no {@code <stats>}, as libvirt. */
    static DomainDef withStatsPeriod(DomainDef def, MemBalloon balloon, int period) {
        MemBalloon updated = balloon.toBuilder().statsPeriod(period == 0 ? null : period).build();
        List<Device> all = new ArrayList<>(def.devices().all());
        all.set(all.indexOf(balloon), updated);
        Devices devices = def.devices().withAll(all);
        return def.withDevices(devices);
    }

    /**
     * {@code qemuDomainSetVcpusConfig}: more vCPUs come online from the first offline one, fewer
     * go offline from the last; the hot-plug order no longer holds and is cleared.
     */
    static DomainDef withVcpus(DomainDef def, int count) {
        Vcpu v = def.vcpu();
        List<VcpuEntry> entries = new ArrayList<>(def.vcpus());
        int online = (int) entries.stream().filter(VcpuEntry::enabled).count();
        for (int i = 0; i < entries.size() && online < count; i++) {
            VcpuEntry e = entries.get(i);
            if (!e.enabled()) {
                entries.set(i, new VcpuEntry(e.id(), true, e.hotpluggable(), 0));
                online++;
            }
        }
        for (int i = entries.size() - 1; i >= 0 && online > count; i--) {
            VcpuEntry e = entries.get(i);
            if (e.enabled()) {
                entries.set(i, new VcpuEntry(e.id(), false, "yes", 0));
                online--;
            }
        }
        entries.replaceAll(e -> new VcpuEntry(e.id(), e.enabled(), e.hotpluggable(), 0));
        return def.toBuilder().vcpu(new Vcpu(v.count(), count, v.placement(), v.cpuset())).vcpus(entries).build();
    }

    /**
     * {@code virDomainDefSetVcpusMax}: vCPUs beyond the new maximum go with their pinning, new ones
     * come offline; the hot-plug order is cleared.
     */
    static DomainDef withMaxVcpus(DomainDef def, int max) {
        Vcpu v = def.vcpu();
        int current = Math.min(v.current(), max);
        List<VcpuEntry> entries = new ArrayList<>();
        if (!def.vcpus().isEmpty()) {
            for (int i = 0; i < max; i++) {
                int id = i;
                VcpuEntry e = def.vcpus().stream().filter(x -> x.id() == id).findFirst()
                        .orElse(new VcpuEntry(i, false, null, 0));
                entries.add(new VcpuEntry(e.id(), e.enabled(), e.hotpluggable(), 0));
            }
            current = (int) entries.stream().filter(VcpuEntry::enabled).count();
        }
        DomainDefBuilder b = def.toBuilder().vcpu(new Vcpu(max, current, v.placement(), v.cpuset())).vcpus(entries);
        CpuTune tune = def.cputune();
        if (tune != null && tune.vcpuPins().stream().anyMatch(p -> p.vcpu() >= max)) {
            b.cputune(tune.withVcpuPins(tune.vcpuPins().stream().filter(p -> p.vcpu() < max).toList()));
        }
        return b.build();
    }

    /** The live definition with {@code online} vCPUs online after a hot-plug. */
    static DomainDef withOnlineVcpus(DomainDef def, int online) {
        Vcpu v = def.vcpu();
        return def.toBuilder().vcpu(new Vcpu(v.count(), online, v.placement(), v.cpuset())).build();
    }

    /** vCPUs of the {@code <cpu><topology>}, or 0 when it names none. */
    static int topologyVcpus(DomainDef def) {
        if (def.cpu() == null || def.cpu().topology() == null) {
            return 0;
        }
        Cpu.Topology t = def.cpu().topology();
        return Math.max(1, t.sockets()) * Math.max(1, t.dies()) * Math.max(1, t.clusters()) * Math.max(1, t.cores())
                * Math.max(1, t.threads());
    }
}
