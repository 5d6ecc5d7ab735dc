package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Sysinfo}: from {@link Sysinfo#builder()} or {@link Sysinfo#toBuilder()}; not thread-safe. */
public final class SysinfoBuilder {
    String type;
    List<Sysinfo.Entry> bios;
    List<Sysinfo.Entry> system;
    List<Sysinfo.Block> baseBoards;
    List<Sysinfo.Entry> chassis;
    List<Sysinfo.Block> processors;
    List<Sysinfo.Block> memoryDevices;
    List<String> oemStrings;
    List<Sysinfo.FwCfgEntry> entries;
    Preserved other;

    SysinfoBuilder() {
    }

    SysinfoBuilder(Sysinfo from) {
        type = from.type();
        bios = from.bios();
        system = from.system();
        baseBoards = from.baseBoards();
        chassis = from.chassis();
        processors = from.processors();
        memoryDevices = from.memoryDevices();
        oemStrings = from.oemStrings();
        entries = from.entries();
        other = from.other();
    }

    /** @see Sysinfo#type() */
    public SysinfoBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Sysinfo#bios() */
    public SysinfoBuilder bios(List<Sysinfo.Entry> value) {
        this.bios = value;
        return this;
    }

    /** @see Sysinfo#system() */
    public SysinfoBuilder system(List<Sysinfo.Entry> value) {
        this.system = value;
        return this;
    }

    /** @see Sysinfo#baseBoards() */
    public SysinfoBuilder baseBoards(List<Sysinfo.Block> value) {
        this.baseBoards = value;
        return this;
    }

    /** @see Sysinfo#chassis() */
    public SysinfoBuilder chassis(List<Sysinfo.Entry> value) {
        this.chassis = value;
        return this;
    }

    /** @see Sysinfo#processors() */
    public SysinfoBuilder processors(List<Sysinfo.Block> value) {
        this.processors = value;
        return this;
    }

    /** @see Sysinfo#memoryDevices() */
    public SysinfoBuilder memoryDevices(List<Sysinfo.Block> value) {
        this.memoryDevices = value;
        return this;
    }

    /** @see Sysinfo#oemStrings() */
    public SysinfoBuilder oemStrings(List<String> value) {
        this.oemStrings = value;
        return this;
    }

    /** @see Sysinfo#entries() */
    public SysinfoBuilder entries(List<Sysinfo.FwCfgEntry> value) {
        this.entries = value;
        return this;
    }

    /** @see Sysinfo#other() */
    public SysinfoBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Sysinfo build() {
        return new Sysinfo(this);
    }
}
