package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <sysinfo>} element: SMBIOS tables ({@code type='smbios'}) or QEMU firmware configuration
 * entries ({@code type='fwcfg'}) shown to the guest. Entries keep the order they were written in.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Sysinfo {
    private final String type;
    private final List<Entry> bios;
    private final List<Entry> system;
    private final List<Block> baseBoards;
    private final List<Entry> chassis;
    private final List<Block> processors;
    private final List<Block> memoryDevices;
    private final List<String> oemStrings;
    private final List<FwCfgEntry> entries;
    private final Preserved other;

    private Sysinfo(Builder b) {
        this.type = b.type;
        this.bios = List.copyOf(b.bios == null ? List.of() : b.bios);
        this.system = List.copyOf(b.system == null ? List.of() : b.system);
        this.baseBoards = List.copyOf(b.baseBoards == null ? List.of() : b.baseBoards);
        this.chassis = List.copyOf(b.chassis == null ? List.of() : b.chassis);
        this.processors = List.copyOf(b.processors == null ? List.of() : b.processors);
        this.memoryDevices = List.copyOf(b.memoryDevices == null ? List.of() : b.memoryDevices);
        this.oemStrings = List.copyOf(b.oemStrings == null ? List.of() : b.oemStrings);
        this.entries = List.copyOf(b.entries == null ? List.of() : b.entries);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.bios = bios;
        b.system = system;
        b.baseBoards = baseBoards;
        b.chassis = chassis;
        b.processors = processors;
        b.memoryDevices = memoryDevices;
        b.oemStrings = oemStrings;
        b.entries = entries;
        b.other = other;
        return b;
    }

    /** {@code smbios} or {@code fwcfg} */
    public String type() {
        return type;
    }

    /** {@code <bios><entry name=>}: vendor, version, date, release ..., in order */
    public List<Entry> bios() {
        return bios;
    }

    /** {@code <system><entry name=>}: manufacturer, product, version, serial, uuid, sku, family ..., in order */
    public List<Entry> system() {
        return system;
    }

    /** the {@code <baseBoard>} elements, in order */
    public List<Block> baseBoards() {
        return baseBoards;
    }

    /** {@code <chassis><entry name=>}, in order */
    public List<Entry> chassis() {
        return chassis;
    }

    /** the {@code <processor>} elements, in order */
    public List<Block> processors() {
        return processors;
    }

    /** the {@code <memory_device>} elements, in order */
    public List<Block> memoryDevices() {
        return memoryDevices;
    }

    /** {@code <oemStrings><entry>} texts, in order */
    public List<String> oemStrings() {
        return oemStrings;
    }

    /** the {@code <entry>} elements of a {@code fwcfg} sysinfo, in order */
    public List<FwCfgEntry> entries() {
        return entries;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public Sysinfo withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code bios} replaced. */
    public Sysinfo withBios(List<Entry> newBios) {
        return toBuilder().bios(newBios).build();
    }

    /** A copy with {@code system} replaced. */
    public Sysinfo withSystem(List<Entry> newSystem) {
        return toBuilder().system(newSystem).build();
    }

    /** A copy with {@code baseBoards} replaced. */
    public Sysinfo withBaseBoards(List<Block> newBaseBoards) {
        return toBuilder().baseBoards(newBaseBoards).build();
    }

    /** A copy with {@code chassis} replaced. */
    public Sysinfo withChassis(List<Entry> newChassis) {
        return toBuilder().chassis(newChassis).build();
    }

    /** A copy with {@code processors} replaced. */
    public Sysinfo withProcessors(List<Block> newProcessors) {
        return toBuilder().processors(newProcessors).build();
    }

    /** A copy with {@code memoryDevices} replaced. */
    public Sysinfo withMemoryDevices(List<Block> newMemoryDevices) {
        return toBuilder().memoryDevices(newMemoryDevices).build();
    }

    /** A copy with {@code oemStrings} replaced. */
    public Sysinfo withOemStrings(List<String> newOemStrings) {
        return toBuilder().oemStrings(newOemStrings).build();
    }

    /** A copy with {@code entries} replaced. */
    public Sysinfo withEntries(List<FwCfgEntry> newEntries) {
        return toBuilder().entries(newEntries).build();
    }

    /** A copy with {@code other} replaced. */
    public Sysinfo withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <entry name=>value</entry>} of an SMBIOS table.
     *
     * @param name  the field name ({@code vendor}, {@code uuid}, ...)
     * @param value its text
     */
    public record Entry(String name, String value) {
    }

    /**
     * One SMBIOS table that may repeat ({@code <baseBoard>}, {@code <processor>}, {@code <memory_device>}).
     *
     * @param entries its entries, in order
     */
    public record Block(List<Entry> entries) {
        public Block {
            entries = List.copyOf(entries == null ? List.of() : entries);
        }
    }

    /**
     * {@code <entry name= file=>value</entry>} of a {@code fwcfg} sysinfo.
     *
     * @param name  the fw_cfg name ({@code opt/...})
     * @param file  a file whose content is the value, or null
     * @param value the value text, or null when {@code file} is given
     */
    public record FwCfgEntry(String name, String file, String value) {
    }

    /** The value of the {@code <system>} entry {@code name}, or null. */
    public String systemEntry(String name) {
        return system.stream().filter(e -> name.equals(e.name())).map(Entry::value).findFirst().orElse(null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Sysinfo x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(bios, x.bios)
                && Objects.equals(system, x.system)
                && Objects.equals(baseBoards, x.baseBoards)
                && Objects.equals(chassis, x.chassis)
                && Objects.equals(processors, x.processors)
                && Objects.equals(memoryDevices, x.memoryDevices)
                && Objects.equals(oemStrings, x.oemStrings)
                && Objects.equals(entries, x.entries)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, bios, system, baseBoards, chassis, processors, memoryDevices, oemStrings, entries, other);
    }

    @Override
    public String toString() {
        return "Sysinfo[" + "type=" + type + ", "
                + "bios=" + bios + ", "
                + "system=" + system + ", "
                + "baseBoards=" + baseBoards + ", "
                + "chassis=" + chassis + ", "
                + "processors=" + processors + ", "
                + "memoryDevices=" + memoryDevices + ", "
                + "oemStrings=" + oemStrings + ", "
                + "entries=" + entries + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Sysinfo}; not thread-safe. */
    public static final class Builder {
        private String type;
        private List<Entry> bios;
        private List<Entry> system;
        private List<Block> baseBoards;
        private List<Entry> chassis;
        private List<Block> processors;
        private List<Block> memoryDevices;
        private List<String> oemStrings;
        private List<FwCfgEntry> entries;
        private Preserved other;

        private Builder() {
        }

        /** @see Sysinfo#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Sysinfo#bios() */
        public Builder bios(List<Entry> value) {
            this.bios = value;
            return this;
        }

        /** @see Sysinfo#system() */
        public Builder system(List<Entry> value) {
            this.system = value;
            return this;
        }

        /** @see Sysinfo#baseBoards() */
        public Builder baseBoards(List<Block> value) {
            this.baseBoards = value;
            return this;
        }

        /** @see Sysinfo#chassis() */
        public Builder chassis(List<Entry> value) {
            this.chassis = value;
            return this;
        }

        /** @see Sysinfo#processors() */
        public Builder processors(List<Block> value) {
            this.processors = value;
            return this;
        }

        /** @see Sysinfo#memoryDevices() */
        public Builder memoryDevices(List<Block> value) {
            this.memoryDevices = value;
            return this;
        }

        /** @see Sysinfo#oemStrings() */
        public Builder oemStrings(List<String> value) {
            this.oemStrings = value;
            return this;
        }

        /** @see Sysinfo#entries() */
        public Builder entries(List<FwCfgEntry> value) {
            this.entries = value;
            return this;
        }

        /** @see Sysinfo#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Sysinfo build() {
            return new Sysinfo(this);
        }
    }
}
