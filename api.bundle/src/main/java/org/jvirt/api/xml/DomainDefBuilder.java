package org.jvirt.api.xml;

import java.util.List;
import java.util.UUID;

/** Collects the values of a {@link DomainDef}: from {@link DomainDef#builder()} or {@link DomainDef#toBuilder()}; not thread-safe. */
public final class DomainDefBuilder {
    String type;
    int id = -1;
    String name;
    UUID uuid;
    String title;
    String description;
    XmlElement metadata;
    Memory maxMemory;
    Memory memory;
    Memory currentMemory;
    Vcpu vcpu;
    List<VcpuEntry> vcpus;
    CpuTune cputune;
    Os os;
    IdMap idmap;
    Features features;
    Cpu cpu;
    Clock clock;
    String onPoweroff;
    String onReboot;
    String onCrash;
    Devices devices;
    Preserved other;
    UUID genid;
    boolean genidGenerated;
    MemTune memtune;
    MemoryBacking memoryBacking;
    BlkioTune blkiotune;
    Integer iothreads;
    List<IoThread> iothreadIds;
    DefaultIoThread defaultIoThread;
    NumaTune numatune;
    Resource resource;
    String onLockfailure;
    Pm pm;
    List<Sysinfo> sysinfo;
    LaunchSecurity launchSecurity;

    DomainDefBuilder() {
    }

    DomainDefBuilder(DomainDef from) {
        type = from.type();
        id = from.id();
        name = from.name();
        uuid = from.uuid();
        title = from.title();
        description = from.description();
        metadata = from.metadata();
        maxMemory = from.maxMemory();
        memory = from.memory();
        currentMemory = from.currentMemory();
        vcpu = from.vcpu();
        vcpus = from.vcpus();
        cputune = from.cputune();
        os = from.os();
        idmap = from.idmap();
        features = from.features();
        cpu = from.cpu();
        clock = from.clock();
        onPoweroff = from.onPoweroff();
        onReboot = from.onReboot();
        onCrash = from.onCrash();
        devices = from.devices();
        other = from.other();
        genid = from.genid();
        genidGenerated = from.genidGenerated();
        memtune = from.memtune();
        memoryBacking = from.memoryBacking();
        blkiotune = from.blkiotune();
        iothreads = from.iothreads();
        iothreadIds = from.iothreadIds();
        defaultIoThread = from.defaultIoThread();
        numatune = from.numatune();
        resource = from.resource();
        onLockfailure = from.onLockfailure();
        pm = from.pm();
        sysinfo = from.sysinfo();
        launchSecurity = from.launchSecurity();
    }

    /** @see DomainDef#type() */
    public DomainDefBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see DomainDef#id() */
    public DomainDefBuilder id(int value) {
        this.id = value;
        return this;
    }

    /** @see DomainDef#name() */
    public DomainDefBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see DomainDef#uuid() */
    public DomainDefBuilder uuid(UUID value) {
        this.uuid = value;
        return this;
    }

    /** @see DomainDef#title() */
    public DomainDefBuilder title(String value) {
        this.title = value;
        return this;
    }

    /** @see DomainDef#description() */
    public DomainDefBuilder description(String value) {
        this.description = value;
        return this;
    }

    /** @see DomainDef#metadata() */
    public DomainDefBuilder metadata(XmlElement value) {
        this.metadata = value;
        return this;
    }

    /** @see DomainDef#maxMemory() */
    public DomainDefBuilder maxMemory(Memory value) {
        this.maxMemory = value;
        return this;
    }

    /** @see DomainDef#memory() */
    public DomainDefBuilder memory(Memory value) {
        this.memory = value;
        return this;
    }

    /** @see DomainDef#currentMemory() */
    public DomainDefBuilder currentMemory(Memory value) {
        this.currentMemory = value;
        return this;
    }

    /** @see DomainDef#vcpu() */
    public DomainDefBuilder vcpu(Vcpu value) {
        this.vcpu = value;
        return this;
    }

    /** @see DomainDef#vcpus() */
    public DomainDefBuilder vcpus(List<VcpuEntry> value) {
        this.vcpus = value;
        return this;
    }

    /** @see DomainDef#cputune() */
    public DomainDefBuilder cputune(CpuTune value) {
        this.cputune = value;
        return this;
    }

    /** @see DomainDef#os() */
    public DomainDefBuilder os(Os value) {
        this.os = value;
        return this;
    }

    /** @see DomainDef#idmap() */
    public DomainDefBuilder idmap(IdMap value) {
        this.idmap = value;
        return this;
    }

    /** @see DomainDef#features() */
    public DomainDefBuilder features(Features value) {
        this.features = value;
        return this;
    }

    /** @see DomainDef#cpu() */
    public DomainDefBuilder cpu(Cpu value) {
        this.cpu = value;
        return this;
    }

    /** @see DomainDef#clock() */
    public DomainDefBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** @see DomainDef#onPoweroff() */
    public DomainDefBuilder onPoweroff(String value) {
        this.onPoweroff = value;
        return this;
    }

    /** @see DomainDef#onReboot() */
    public DomainDefBuilder onReboot(String value) {
        this.onReboot = value;
        return this;
    }

    /** @see DomainDef#onCrash() */
    public DomainDefBuilder onCrash(String value) {
        this.onCrash = value;
        return this;
    }

    /** @see DomainDef#devices() */
    public DomainDefBuilder devices(Devices value) {
        this.devices = value;
        return this;
    }

    /** @see DomainDef#other() */
    public DomainDefBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see DomainDef#genid() */
    public DomainDefBuilder genid(UUID value) {
        this.genid = value;
        return this;
    }

    /** @see DomainDef#genidGenerated() */
    public DomainDefBuilder genidGenerated(boolean value) {
        this.genidGenerated = value;
        return this;
    }

    /** @see DomainDef#memtune() */
    public DomainDefBuilder memtune(MemTune value) {
        this.memtune = value;
        return this;
    }

    /** @see DomainDef#memoryBacking() */
    public DomainDefBuilder memoryBacking(MemoryBacking value) {
        this.memoryBacking = value;
        return this;
    }

    /** @see DomainDef#blkiotune() */
    public DomainDefBuilder blkiotune(BlkioTune value) {
        this.blkiotune = value;
        return this;
    }

    /** @see DomainDef#iothreads() */
    public DomainDefBuilder iothreads(Integer value) {
        this.iothreads = value;
        return this;
    }

    /** @see DomainDef#iothreadIds() */
    public DomainDefBuilder iothreadIds(List<IoThread> value) {
        this.iothreadIds = value;
        return this;
    }

    /** @see DomainDef#defaultIoThread() */
    public DomainDefBuilder defaultIoThread(DefaultIoThread value) {
        this.defaultIoThread = value;
        return this;
    }

    /** @see DomainDef#numatune() */
    public DomainDefBuilder numatune(NumaTune value) {
        this.numatune = value;
        return this;
    }

    /** @see DomainDef#resource() */
    public DomainDefBuilder resource(Resource value) {
        this.resource = value;
        return this;
    }

    /** @see DomainDef#onLockfailure() */
    public DomainDefBuilder onLockfailure(String value) {
        this.onLockfailure = value;
        return this;
    }

    /** @see DomainDef#pm() */
    public DomainDefBuilder pm(Pm value) {
        this.pm = value;
        return this;
    }

    /** @see DomainDef#sysinfo() */
    public DomainDefBuilder sysinfo(List<Sysinfo> value) {
        this.sysinfo = value;
        return this;
    }

    /** @see DomainDef#launchSecurity() */
    public DomainDefBuilder launchSecurity(LaunchSecurity value) {
        this.launchSecurity = value;
        return this;
    }

    public DomainDef build() {
        return new DomainDef(this);
    }
}
