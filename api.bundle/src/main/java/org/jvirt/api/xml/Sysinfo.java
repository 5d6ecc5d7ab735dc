package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <sysinfo>} element: SMBIOS tables ({@code type='smbios'}) or QEMU firmware configuration
 * entries ({@code type='fwcfg'}) shown to the guest. Entries keep the order they were written in.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    Sysinfo(SysinfoBuilder b) {
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
    public static SysinfoBuilder builder() {
        return new SysinfoBuilder();
    }

    /** A builder holding this object's values. */
    public SysinfoBuilder toBuilder() {
        return new SysinfoBuilder(this);
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

    /** A copy with {@code chassis} replaced. */
    public Sysinfo withChassis(List<Entry> newChassis) {
        return toBuilder().chassis(newChassis).build();
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
        return Objects.equals(type, x.type) && Objects.equals(bios, x.bios)
                && Objects.equals(system, x.system) && Objects.equals(baseBoards, x.baseBoards)
                && Objects.equals(chassis, x.chassis) && Objects.equals(processors, x.processors)
                && Objects.equals(memoryDevices, x.memoryDevices) && Objects.equals(oemStrings, x.oemStrings)
                && Objects.equals(entries, x.entries) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, bios, system, baseBoards, chassis, processors, memoryDevices, oemStrings,
                entries, other);
    }

    @Override
    public String toString() {
        return "Sysinfo[type=" + type + ", bios=" + bios + ", system=" + system + ", baseBoards=" + baseBoards
                + ", chassis=" + chassis + ", processors=" + processors + ", memoryDevices=" + memoryDevices
                + ", oemStrings=" + oemStrings + ", entries=" + entries + ", other=" + other + "]";
    }

}
