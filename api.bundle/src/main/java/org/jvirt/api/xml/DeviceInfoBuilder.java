package org.jvirt.api.xml;

/** Collects the values of a {@link DeviceInfo}: from {@link DeviceInfo#builder()} or {@link DeviceInfo#toBuilder()}; not thread-safe. */
public final class DeviceInfoBuilder {
    String alias;
    Address address;
    Integer bootOrder;
    String bootLoadParm;
    Integer acpiIndex;
    String romBar;
    String romFile;
    String romEnabled;
    Integer masterStartport;

    DeviceInfoBuilder() {
    }

    DeviceInfoBuilder(DeviceInfo from) {
        alias = from.alias();
        address = from.address();
        bootOrder = from.bootOrder();
        bootLoadParm = from.bootLoadParm();
        acpiIndex = from.acpiIndex();
        romBar = from.romBar();
        romFile = from.romFile();
        romEnabled = from.romEnabled();
        masterStartport = from.masterStartport();
    }

    /** @see DeviceInfo#alias() */
    public DeviceInfoBuilder alias(String value) {
        this.alias = value;
        return this;
    }

    /** @see DeviceInfo#address() */
    public DeviceInfoBuilder address(Address value) {
        this.address = value;
        return this;
    }

    /** @see DeviceInfo#bootOrder() */
    public DeviceInfoBuilder bootOrder(Integer value) {
        this.bootOrder = value;
        return this;
    }

    /** @see DeviceInfo#bootLoadParm() */
    public DeviceInfoBuilder bootLoadParm(String value) {
        this.bootLoadParm = value;
        return this;
    }

    /** @see DeviceInfo#acpiIndex() */
    public DeviceInfoBuilder acpiIndex(Integer value) {
        this.acpiIndex = value;
        return this;
    }

    /** @see DeviceInfo#romBar() */
    public DeviceInfoBuilder romBar(String value) {
        this.romBar = value;
        return this;
    }

    /** @see DeviceInfo#romFile() */
    public DeviceInfoBuilder romFile(String value) {
        this.romFile = value;
        return this;
    }

    /** @see DeviceInfo#romEnabled() */
    public DeviceInfoBuilder romEnabled(String value) {
        this.romEnabled = value;
        return this;
    }

    /** @see DeviceInfo#masterStartport() */
    public DeviceInfoBuilder masterStartport(Integer value) {
        this.masterStartport = value;
        return this;
    }

    public DeviceInfo build() {
        return new DeviceInfo(this);
    }
}
