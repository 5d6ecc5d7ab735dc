package org.jvirt.api.xml;

/** Collects the values of a {@link HostdevSource}: from {@link HostdevSource#builder()} or {@link HostdevSource#toBuilder()}; not thread-safe. */
public final class HostdevSourceBuilder {
    Address pciAddress;
    Integer vendorId;
    Integer productId;
    Integer usbBus;
    Integer usbDevice;
    String startupPolicy;
    String guestReset;
    String adapterName;
    Integer scsiBus;
    Integer scsiTarget;
    Long scsiUnit;
    String protocol;
    String name;
    String wwpn;
    String mdevUuid;
    String block;
    String charDev;
    String interfaceName;
    Preserved other;

    HostdevSourceBuilder() {
    }

    HostdevSourceBuilder(HostdevSource from) {
        pciAddress = from.pciAddress();
        vendorId = from.vendorId();
        productId = from.productId();
        usbBus = from.usbBus();
        usbDevice = from.usbDevice();
        startupPolicy = from.startupPolicy();
        guestReset = from.guestReset();
        adapterName = from.adapterName();
        scsiBus = from.scsiBus();
        scsiTarget = from.scsiTarget();
        scsiUnit = from.scsiUnit();
        protocol = from.protocol();
        name = from.name();
        wwpn = from.wwpn();
        mdevUuid = from.mdevUuid();
        block = from.block();
        charDev = from.charDev();
        interfaceName = from.interfaceName();
        other = from.other();
    }

    /** @see HostdevSource#pciAddress() */
    public HostdevSourceBuilder pciAddress(Address value) {
        this.pciAddress = value;
        return this;
    }

    /** @see HostdevSource#vendorId() */
    public HostdevSourceBuilder vendorId(Integer value) {
        this.vendorId = value;
        return this;
    }

    /** @see HostdevSource#productId() */
    public HostdevSourceBuilder productId(Integer value) {
        this.productId = value;
        return this;
    }

    /** @see HostdevSource#usbBus() */
    public HostdevSourceBuilder usbBus(Integer value) {
        this.usbBus = value;
        return this;
    }

    /** @see HostdevSource#usbDevice() */
    public HostdevSourceBuilder usbDevice(Integer value) {
        this.usbDevice = value;
        return this;
    }

    /** @see HostdevSource#startupPolicy() */
    public HostdevSourceBuilder startupPolicy(String value) {
        this.startupPolicy = value;
        return this;
    }

    /** @see HostdevSource#guestReset() */
    public HostdevSourceBuilder guestReset(String value) {
        this.guestReset = value;
        return this;
    }

    /** @see HostdevSource#adapterName() */
    public HostdevSourceBuilder adapterName(String value) {
        this.adapterName = value;
        return this;
    }

    /** @see HostdevSource#scsiBus() */
    public HostdevSourceBuilder scsiBus(Integer value) {
        this.scsiBus = value;
        return this;
    }

    /** @see HostdevSource#scsiTarget() */
    public HostdevSourceBuilder scsiTarget(Integer value) {
        this.scsiTarget = value;
        return this;
    }

    /** @see HostdevSource#scsiUnit() */
    public HostdevSourceBuilder scsiUnit(Long value) {
        this.scsiUnit = value;
        return this;
    }

    /** @see HostdevSource#protocol() */
    public HostdevSourceBuilder protocol(String value) {
        this.protocol = value;
        return this;
    }

    /** @see HostdevSource#name() */
    public HostdevSourceBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see HostdevSource#wwpn() */
    public HostdevSourceBuilder wwpn(String value) {
        this.wwpn = value;
        return this;
    }

    /** @see HostdevSource#mdevUuid() */
    public HostdevSourceBuilder mdevUuid(String value) {
        this.mdevUuid = value;
        return this;
    }

    /** @see HostdevSource#block() */
    public HostdevSourceBuilder block(String value) {
        this.block = value;
        return this;
    }

    /** @see HostdevSource#charDev() */
    public HostdevSourceBuilder charDev(String value) {
        this.charDev = value;
        return this;
    }

    /** @see HostdevSource#interfaceName() */
    public HostdevSourceBuilder interfaceName(String value) {
        this.interfaceName = value;
        return this;
    }

    /** @see HostdevSource#other() */
    public HostdevSourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public HostdevSource build() {
        return new HostdevSource(this);
    }
}
