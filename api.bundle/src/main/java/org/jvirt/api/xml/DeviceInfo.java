package org.jvirt.api.xml;

import java.util.Objects;

/**
 * What every device may carry, as libvirt's virDomainDeviceInfo: {@code <alias name=>},
 * {@code <address>}, {@code <boot order= loadparm=>}, {@code <acpi index=>}, {@code <rom>} and a USB
 * companion controller's {@code <master startport=>}. Every field is null when absent.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class DeviceInfo {
    /** Nothing set. */
    public static final DeviceInfo NONE = builder().build();
    
    private final String alias;
    private final Address address;
    private final Integer bootOrder;
    private final String bootLoadParm;
    private final Integer acpiIndex;
    private final String romBar;
    private final String romFile;
    private final String romEnabled;
    private final Integer masterStartport;

    private DeviceInfo(Builder b) {
        this.alias = b.alias;
        this.address = b.address;
        this.bootOrder = b.bootOrder;
        this.bootLoadParm = b.bootLoadParm;
        this.acpiIndex = b.acpiIndex;
        this.romBar = b.romBar;
        this.romFile = b.romFile;
        this.romEnabled = b.romEnabled;
        this.masterStartport = b.masterStartport;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.alias = alias;
        b.address = address;
        b.bootOrder = bootOrder;
        b.bootLoadParm = bootLoadParm;
        b.acpiIndex = acpiIndex;
        b.romBar = romBar;
        b.romFile = romFile;
        b.romEnabled = romEnabled;
        b.masterStartport = masterStartport;
        return b;
    }

    /** {@code <alias name=>}, or null */
    public String alias() {
        return alias;
    }

    /** {@code <address>}, or null when the device has none (yet) */
    public Address address() {
        return address;
    }

    /** {@code <boot order=>}, or null */
    public Integer bootOrder() {
        return bootOrder;
    }

    /** {@code <boot loadparm=>}, or null */
    public String bootLoadParm() {
        return bootLoadParm;
    }

    /** {@code <acpi index=>}, or null */
    public Integer acpiIndex() {
        return acpiIndex;
    }

    /** {@code <rom bar=>} ({@code on}/{@code off}), or null */
    public String romBar() {
        return romBar;
    }

    /** {@code <rom file=>}, or null */
    public String romFile() {
        return romFile;
    }

    /** {@code <rom enabled=>} ({@code yes}/{@code no}), or null */
    public String romEnabled() {
        return romEnabled;
    }

    /** {@code <master startport=>} of a USB companion controller, or null */
    public Integer masterStartport() {
        return masterStartport;
    }

    /** A copy with {@code alias} replaced. */
    public DeviceInfo withAlias(String newAlias) {
        return toBuilder().alias(newAlias).build();
    }

    /** A copy with {@code address} replaced. */
    public DeviceInfo withAddress(Address newAddress) {
        return toBuilder().address(newAddress).build();
    }

    /** A copy with {@code bootOrder} replaced. */
    public DeviceInfo withBootOrder(Integer newBootOrder) {
        return toBuilder().bootOrder(newBootOrder).build();
    }

    /** A copy with {@code bootLoadParm} replaced. */
    public DeviceInfo withBootLoadParm(String newBootLoadParm) {
        return toBuilder().bootLoadParm(newBootLoadParm).build();
    }

    /** A copy with {@code acpiIndex} replaced. */
    public DeviceInfo withAcpiIndex(Integer newAcpiIndex) {
        return toBuilder().acpiIndex(newAcpiIndex).build();
    }

    /** A copy with {@code romBar} replaced. */
    public DeviceInfo withRomBar(String newRomBar) {
        return toBuilder().romBar(newRomBar).build();
    }

    /** A copy with {@code romFile} replaced. */
    public DeviceInfo withRomFile(String newRomFile) {
        return toBuilder().romFile(newRomFile).build();
    }

    /** A copy with {@code romEnabled} replaced. */
    public DeviceInfo withRomEnabled(String newRomEnabled) {
        return toBuilder().romEnabled(newRomEnabled).build();
    }

    /** A copy with {@code masterStartport} replaced. */
    public DeviceInfo withMasterStartport(Integer newMasterStartport) {
        return toBuilder().masterStartport(newMasterStartport).build();
    }

    /** Whether nothing is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeviceInfo x)) {
            return false;
        }
        return Objects.equals(alias, x.alias)
                && Objects.equals(address, x.address)
                && Objects.equals(bootOrder, x.bootOrder)
                && Objects.equals(bootLoadParm, x.bootLoadParm)
                && Objects.equals(acpiIndex, x.acpiIndex)
                && Objects.equals(romBar, x.romBar)
                && Objects.equals(romFile, x.romFile)
                && Objects.equals(romEnabled, x.romEnabled)
                && Objects.equals(masterStartport, x.masterStartport);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alias, address, bootOrder, bootLoadParm, acpiIndex, romBar, romFile, romEnabled, masterStartport);
    }

    @Override
    public String toString() {
        return "DeviceInfo[" + "alias=" + alias + ", "
                + "address=" + address + ", "
                + "bootOrder=" + bootOrder + ", "
                + "bootLoadParm=" + bootLoadParm + ", "
                + "acpiIndex=" + acpiIndex + ", "
                + "romBar=" + romBar + ", "
                + "romFile=" + romFile + ", "
                + "romEnabled=" + romEnabled + ", "
                + "masterStartport=" + masterStartport + "]";
    }

    /** Collects the values of a {@link DeviceInfo}; not thread-safe. */
    public static final class Builder {
        private String alias;
        private Address address;
        private Integer bootOrder;
        private String bootLoadParm;
        private Integer acpiIndex;
        private String romBar;
        private String romFile;
        private String romEnabled;
        private Integer masterStartport;

        private Builder() {
        }

        /** @see DeviceInfo#alias() */
        public Builder alias(String value) {
            this.alias = value;
            return this;
        }

        /** @see DeviceInfo#address() */
        public Builder address(Address value) {
            this.address = value;
            return this;
        }

        /** @see DeviceInfo#bootOrder() */
        public Builder bootOrder(Integer value) {
            this.bootOrder = value;
            return this;
        }

        /** @see DeviceInfo#bootLoadParm() */
        public Builder bootLoadParm(String value) {
            this.bootLoadParm = value;
            return this;
        }

        /** @see DeviceInfo#acpiIndex() */
        public Builder acpiIndex(Integer value) {
            this.acpiIndex = value;
            return this;
        }

        /** @see DeviceInfo#romBar() */
        public Builder romBar(String value) {
            this.romBar = value;
            return this;
        }

        /** @see DeviceInfo#romFile() */
        public Builder romFile(String value) {
            this.romFile = value;
            return this;
        }

        /** @see DeviceInfo#romEnabled() */
        public Builder romEnabled(String value) {
            this.romEnabled = value;
            return this;
        }

        /** @see DeviceInfo#masterStartport() */
        public Builder masterStartport(Integer value) {
            this.masterStartport = value;
            return this;
        }

        public DeviceInfo build() {
            return new DeviceInfo(this);
        }
    }
}
