package org.jvirt.api.xml;

import java.util.Objects;

/**
 * What every device may carry, as libvirt's virDomainDeviceInfo: {@code <alias name=>},
 * {@code <address>}, {@code <boot order= loadparm=>}, {@code <acpi index=>}, {@code <rom>} and a USB
 * companion controller's {@code <master startport=>}. Every field is null when absent.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    DeviceInfo(DeviceInfoBuilder b) {
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
    public static DeviceInfoBuilder builder() {
        return new DeviceInfoBuilder();
    }

    /** A builder holding this object's values. */
    public DeviceInfoBuilder toBuilder() {
        return new DeviceInfoBuilder(this);
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

    /** A copy with {@code address} replaced. */
    public DeviceInfo withAddress(Address newAddress) {
        return toBuilder().address(newAddress).build();
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
        return Objects.equals(alias, x.alias) && Objects.equals(address, x.address)
                && Objects.equals(bootOrder, x.bootOrder) && Objects.equals(bootLoadParm, x.bootLoadParm)
                && Objects.equals(acpiIndex, x.acpiIndex) && Objects.equals(romBar, x.romBar)
                && Objects.equals(romFile, x.romFile) && Objects.equals(romEnabled, x.romEnabled)
                && Objects.equals(masterStartport, x.masterStartport);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alias, address, bootOrder, bootLoadParm, acpiIndex, romBar, romFile, romEnabled,
                masterStartport);
    }

    @Override
    public String toString() {
        return "DeviceInfo[alias=" + alias + ", address=" + address + ", bootOrder=" + bootOrder
                + ", bootLoadParm=" + bootLoadParm + ", acpiIndex=" + acpiIndex + ", romBar=" + romBar
                + ", romFile=" + romFile + ", romEnabled=" + romEnabled
                + ", masterStartport=" + masterStartport + "]";
    }

}
