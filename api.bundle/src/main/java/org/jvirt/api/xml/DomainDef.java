package org.jvirt.api.xml;

import java.util.List;
import java.util.UUID;

/**
 * A domain definition: the root {@code <domain>} element of libvirt's domain XML. Obtain one from
 * {@link DomainXmlCodec#parse}; change it with the {@code with...} methods. New components may
 * be added to this record in later versions: construct it through the codec, not positionally.
 *
 * @param type          the hypervisor type attribute ({@code kvm}, {@code qemu}, {@code test})
 * @param id            the {@code id} attribute of a running domain, -1 when absent
 * @param name          the domain name
 * @param uuid          the UUID, or null when the XML has none
 * @param title         the short title, or null
 * @param description   the description, or null
 * @param metadata      {@code <metadata>} kept verbatim, or null
 * @param maxMemory     {@code <maxMemory>} (hotplug limit with slots), or null
 * @param memory        {@code <memory>}: the maximum memory at boot
 * @param currentMemory {@code <currentMemory>}, or null (then it equals {@code memory})
 * @param vcpu          {@code <vcpu>}
 * @param vcpus         the individual {@code <vcpus>} entries, empty when absent
 * @param cputune       {@code <cputune>}, or null
 * @param os            {@code <os>}
 * @param features      {@code <features>}, or null
 * @param cpu           {@code <cpu>}, or null
 * @param clock         {@code <clock>}, or null (formatted as {@code utc})
 * @param onPoweroff    {@code <on_poweroff>}, or null (formatted as {@code destroy})
 * @param onReboot      {@code <on_reboot>}, or null (formatted as {@code restart})
 * @param onCrash       {@code <on_crash>}, or null (formatted as {@code destroy})
 * @param devices       {@code <devices>}
 * @param other         unmodelled attributes of {@code <domain>} and top-level elements, kept and
 *                      formatted back in libvirt's order
 */
public record DomainDef(String type, int id, String name, UUID uuid, String title, String description,
                        XmlElement metadata, Memory maxMemory, Memory memory, Memory currentMemory, Vcpu vcpu,
                        List<VcpuEntry> vcpus, CpuTune cputune, Os os, Features features, Cpu cpu, Clock clock,
                        String onPoweroff, String onReboot, String onCrash, Devices devices, Preserved other) {

    public DomainDef {
        vcpus = List.copyOf(vcpus == null ? List.of() : vcpus);
        devices = devices == null ? Devices.NONE : devices;
        other = other == null ? Preserved.NONE : other;
    }

    public DomainDef withId(int newId) {
        return new DomainDef(type, newId, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withUuid(UUID newUuid) {
        return new DomainDef(type, id, name, newUuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withName(String newName) {
        return new DomainDef(type, id, newName, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withMemory(Memory newMemory, Memory newCurrentMemory) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, newMemory,
                newCurrentMemory, vcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withVcpu(Vcpu newVcpu) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, newVcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withCputune(CpuTune newCputune) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, newCputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withDevices(Devices newDevices) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                newDevices, other);
    }

    public DomainDef withOs(Os newOs) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, newOs, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withCpu(Cpu newCpu) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, newCpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withFeatures(Features newFeatures) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, newFeatures, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withClock(Clock newClock) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, cpu, newClock, onPoweroff, onReboot, onCrash,
                devices, other);
    }

    public DomainDef withOther(Preserved newOther) {
        return new DomainDef(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, features, cpu, clock, onPoweroff, onReboot, onCrash,
                devices, newOther);
    }

    /** The memory the guest has at boot: {@code currentMemory}, or {@code memory} when absent. */
    public long currentMemoryKib() {
        return currentMemory != null ? currentMemory.kib() : memory.kib();
    }
}
