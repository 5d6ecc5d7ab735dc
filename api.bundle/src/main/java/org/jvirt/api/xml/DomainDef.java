package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A domain definition: the root {@code <domain>} element of libvirt's domain XML. Obtain one from
 * {@link DomainXmlCodec#parse}; post-parse steps of a driver return completed copies.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DomainDef {
    private final String type;
    private final int id;
    private final String name;
    private final UUID uuid;
    private final String title;
    private final String description;
    private final XmlElement metadata;
    private final Memory maxMemory;
    private final Memory memory;
    private final Memory currentMemory;
    private final Vcpu vcpu;
    private final List<VcpuEntry> vcpus;
    private final CpuTune cputune;
    private final Os os;
    private final IdMap idmap;
    private final Features features;
    private final Cpu cpu;
    private final Clock clock;
    private final String onPoweroff;
    private final String onReboot;
    private final String onCrash;
    private final Devices devices;
    private final Preserved other;
    private final UUID genid;
    private final boolean genidGenerated;
    private final MemTune memtune;
    private final MemoryBacking memoryBacking;
    private final BlkioTune blkiotune;
    private final Integer iothreads;
    private final List<IoThread> iothreadIds;
    private final DefaultIoThread defaultIoThread;
    private final NumaTune numatune;
    private final Resource resource;
    private final String onLockfailure;
    private final Pm pm;
    private final List<Sysinfo> sysinfo;
    private final LaunchSecurity launchSecurity;

    DomainDef(DomainDefBuilder b) {
        this.type = b.type;
        this.id = b.id;
        this.name = b.name;
        this.uuid = b.uuid;
        this.title = b.title;
        this.description = b.description;
        this.metadata = b.metadata;
        this.maxMemory = b.maxMemory;
        this.memory = b.memory;
        this.currentMemory = b.currentMemory;
        this.vcpu = b.vcpu;
        this.vcpus = List.copyOf(b.vcpus == null ? List.of() : b.vcpus);
        this.cputune = b.cputune;
        this.os = b.os;
        this.idmap = b.idmap;
        this.features = b.features;
        this.cpu = b.cpu;
        this.clock = b.clock;
        this.onPoweroff = b.onPoweroff;
        this.onReboot = b.onReboot;
        this.onCrash = b.onCrash;
        this.devices = b.devices == null ? Devices.NONE : b.devices;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.genid = b.genid;
        this.genidGenerated = b.genidGenerated;
        this.memtune = b.memtune;
        this.memoryBacking = b.memoryBacking;
        this.blkiotune = b.blkiotune;
        this.iothreads = b.iothreads;
        this.iothreadIds = List.copyOf(b.iothreadIds == null ? List.of() : b.iothreadIds);
        this.defaultIoThread = b.defaultIoThread;
        this.numatune = b.numatune;
        this.resource = b.resource;
        this.onLockfailure = b.onLockfailure;
        this.pm = b.pm;
        this.sysinfo = List.copyOf(b.sysinfo == null ? List.of() : b.sysinfo);
        this.launchSecurity = b.launchSecurity;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DomainDefBuilder builder() {
        return new DomainDefBuilder();
    }

    /** A builder holding this object's values. */
    public DomainDefBuilder toBuilder() {
        return new DomainDefBuilder(this);
    }

    /** the hypervisor type attribute ({@code kvm}, {@code qemu}, {@code test}, {@code lxc}), or null */
    public String type() {
        return type;
    }

    /** the {@code id} attribute of a running domain, -1 when absent */
    public int id() {
        return id;
    }

    /** the domain name */
    public String name() {
        return name;
    }

    /** the UUID, or null when the XML has none */
    public UUID uuid() {
        return uuid;
    }

    /** the short title, or null */
    public String title() {
        return title;
    }

    /** the description, or null */
    public String description() {
        return description;
    }

    /** {@code <metadata>} kept verbatim, or null */
    public XmlElement metadata() {
        return metadata;
    }

    /** {@code <maxMemory>} (hotplug limit with slots), or null */
    public Memory maxMemory() {
        return maxMemory;
    }

    /** {@code <memory>}: the maximum memory at boot */
    public Memory memory() {
        return memory;
    }

    /** {@code <currentMemory>}, or null (then it equals {@code memory}) */
    public Memory currentMemory() {
        return currentMemory;
    }

    /** {@code <vcpu>} */
    public Vcpu vcpu() {
        return vcpu;
    }

    /** the individual {@code <vcpus>} entries, empty when absent */
    public List<VcpuEntry> vcpus() {
        return vcpus;
    }

    /** {@code <cputune>}, or null */
    public CpuTune cputune() {
        return cputune;
    }

    /** {@code <os>} */
    public Os os() {
        return os;
    }

    /** {@code <idmap>}: the user namespace mappings of a container, or null */
    public IdMap idmap() {
        return idmap;
    }

    /** {@code <features>}, or null */
    public Features features() {
        return features;
    }

    /** {@code <cpu>}, or null */
    public Cpu cpu() {
        return cpu;
    }

    /** {@code <clock>}, or null (formatted as {@code utc}) */
    public Clock clock() {
        return clock;
    }

    /** {@code <on_poweroff>}, or null (formatted as {@code destroy}) */
    public String onPoweroff() {
        return onPoweroff;
    }

    /** {@code <on_reboot>}, or null (formatted as {@code restart}) */
    public String onReboot() {
        return onReboot;
    }

    /** {@code <on_crash>}, or null (formatted as {@code destroy}) */
    public String onCrash() {
        return onCrash;
    }

    /** {@code <devices>}, never null */
    public Devices devices() {
        return devices;
    }

    /** unmodelled attributes of {@code <domain>} and top-level elements (seclabel, keywrap ...) the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** {@code <genid>}: the VM generation id, or null when absent (an empty element gets a random one on parsing) */
    public UUID genid() {
        return genid;
    }

    /** whether {@code genid} was generated because {@code <genid/>} was empty */
    public boolean genidGenerated() {
        return genidGenerated;
    }

    /** {@code <memtune>}, or null */
    public MemTune memtune() {
        return memtune;
    }

    /** {@code <memoryBacking>}, or null */
    public MemoryBacking memoryBacking() {
        return memoryBacking;
    }

    /** {@code <blkiotune>}, or null */
    public BlkioTune blkiotune() {
        return blkiotune;
    }

    /** {@code <iothreads>}: the number of IOThreads, or null when absent */
    public Integer iothreads() {
        return iothreads;
    }

    /** the {@code <iothreadids>} entries, empty when absent */
    public List<IoThread> iothreadIds() {
        return iothreadIds;
    }

    /** {@code <defaultiothread>}, or null */
    public DefaultIoThread defaultIoThread() {
        return defaultIoThread;
    }

    /** {@code <numatune>}, or null */
    public NumaTune numatune() {
        return numatune;
    }

    /** {@code <resource>}, or null */
    public Resource resource() {
        return resource;
    }

    /** {@code <on_lockfailure>}, or null */
    public String onLockfailure() {
        return onLockfailure;
    }

    /** {@code <pm>}, or null */
    public Pm pm() {
        return pm;
    }

    /** the {@code <sysinfo>} elements, in order (libvirt allows one per type) */
    public List<Sysinfo> sysinfo() {
        return sysinfo;
    }

    /** {@code <launchSecurity>}, or null */
    public LaunchSecurity launchSecurity() {
        return launchSecurity;
    }

    /** A copy with {@code type} replaced. */
    public DomainDef withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code id} replaced. */
    public DomainDef withId(int newId) {
        return toBuilder().id(newId).build();
    }

    /** A copy with {@code name} replaced. */
    public DomainDef withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code uuid} replaced. */
    public DomainDef withUuid(UUID newUuid) {
        return toBuilder().uuid(newUuid).build();
    }

    /** A copy with {@code cputune} replaced. */
    public DomainDef withCputune(CpuTune newCputune) {
        return toBuilder().cputune(newCputune).build();
    }

    /** A copy with {@code os} replaced. */
    public DomainDef withOs(Os newOs) {
        return toBuilder().os(newOs).build();
    }

    /** A copy with {@code cpu} replaced. */
    public DomainDef withCpu(Cpu newCpu) {
        return toBuilder().cpu(newCpu).build();
    }

    /** A copy with {@code devices} replaced. */
    public DomainDef withDevices(Devices newDevices) {
        return toBuilder().devices(newDevices).build();
    }

    /** A copy with {@code other} replaced. */
    public DomainDef withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code iothreadIds} replaced. */
    public DomainDef withIothreadIds(List<IoThread> newIothreadIds) {
        return toBuilder().iothreadIds(newIothreadIds).build();
    }

    /** A copy with {@code memory} and {@code currentMemory} replaced. */
    public DomainDef withMemory(Memory newMemory, Memory newCurrentMemory) {
        return toBuilder().memory(newMemory).currentMemory(newCurrentMemory).build();
    }

    /** The memory the guest has at boot: {@code currentMemory}, or {@code memory} when absent. */
    public long currentMemoryKib() {
        return currentMemory != null ? currentMemory.kib() : memory.kib();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DomainDef x)) {
            return false;
        }
        return Objects.equals(type, x.type) && id == x.id && Objects.equals(name, x.name)
                && Objects.equals(uuid, x.uuid) && Objects.equals(title, x.title)
                && Objects.equals(description, x.description) && Objects.equals(metadata, x.metadata)
                && Objects.equals(maxMemory, x.maxMemory) && Objects.equals(memory, x.memory)
                && Objects.equals(currentMemory, x.currentMemory) && Objects.equals(vcpu, x.vcpu)
                && Objects.equals(vcpus, x.vcpus) && Objects.equals(cputune, x.cputune)
                && Objects.equals(os, x.os) && Objects.equals(idmap, x.idmap)
                && Objects.equals(features, x.features) && Objects.equals(cpu, x.cpu)
                && Objects.equals(clock, x.clock) && Objects.equals(onPoweroff, x.onPoweroff)
                && Objects.equals(onReboot, x.onReboot) && Objects.equals(onCrash, x.onCrash)
                && Objects.equals(devices, x.devices) && Objects.equals(other, x.other)
                && Objects.equals(genid, x.genid) && genidGenerated == x.genidGenerated
                && Objects.equals(memtune, x.memtune) && Objects.equals(memoryBacking, x.memoryBacking)
                && Objects.equals(blkiotune, x.blkiotune) && Objects.equals(iothreads, x.iothreads)
                && Objects.equals(iothreadIds, x.iothreadIds)
                && Objects.equals(defaultIoThread, x.defaultIoThread) && Objects.equals(numatune, x.numatune)
                && Objects.equals(resource, x.resource) && Objects.equals(onLockfailure, x.onLockfailure)
                && Objects.equals(pm, x.pm) && Objects.equals(sysinfo, x.sysinfo)
                && Objects.equals(launchSecurity, x.launchSecurity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, name, uuid, title, description, metadata, maxMemory, memory,
                currentMemory, vcpu, vcpus, cputune, os, idmap, features, cpu, clock, onPoweroff, onReboot,
                onCrash, devices, other, genid, genidGenerated, memtune, memoryBacking, blkiotune, iothreads,
                iothreadIds, defaultIoThread, numatune, resource, onLockfailure, pm, sysinfo, launchSecurity);
    }

    @Override
    public String toString() {
        return "DomainDef[type=" + type + ", id=" + id + ", name=" + name + ", uuid=" + uuid
                + ", title=" + title + ", description=" + description + ", metadata=" + metadata
                + ", maxMemory=" + maxMemory + ", memory=" + memory + ", currentMemory=" + currentMemory
                + ", vcpu=" + vcpu + ", vcpus=" + vcpus + ", cputune=" + cputune + ", os=" + os
                + ", idmap=" + idmap + ", features=" + features + ", cpu=" + cpu + ", clock=" + clock
                + ", onPoweroff=" + onPoweroff + ", onReboot=" + onReboot + ", onCrash=" + onCrash
                + ", devices=" + devices + ", other=" + other + ", genid=" + genid
                + ", genidGenerated=" + genidGenerated + ", memtune=" + memtune
                + ", memoryBacking=" + memoryBacking + ", blkiotune=" + blkiotune + ", iothreads=" + iothreads
                + ", iothreadIds=" + iothreadIds + ", defaultIoThread=" + defaultIoThread
                + ", numatune=" + numatune + ", resource=" + resource + ", onLockfailure=" + onLockfailure
                + ", pm=" + pm + ", sysinfo=" + sysinfo + ", launchSecurity=" + launchSecurity + "]";
    }

}
