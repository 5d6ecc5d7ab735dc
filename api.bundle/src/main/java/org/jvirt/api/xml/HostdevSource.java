package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A hostdev's {@code <source>}. Which fields are set depends on the hostdev type: {@code pci}
 * (pciAddress), {@code usb} (vendorId, productId, usbBus, usbDevice, startupPolicy, guestReset),
 * {@code scsi} (adapterName, scsiBus, scsiTarget, scsiUnit; or protocol {@code iscsi} with name),
 * {@code scsi_host} (protocol {@code vhost}, wwpn), {@code mdev} (mdevUuid), and the capabilities
 * types {@code storage} (block), {@code misc} (charDev), {@code net} (interfaceName). The hosts,
 * auth and initiator of an iSCSI source stay in {@code other}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class HostdevSource {
    private final Address pciAddress;
    private final Integer vendorId;
    private final Integer productId;
    private final Integer usbBus;
    private final Integer usbDevice;
    private final String startupPolicy;
    private final String guestReset;
    private final String adapterName;
    private final Integer scsiBus;
    private final Integer scsiTarget;
    private final Long scsiUnit;
    private final String protocol;
    private final String name;
    private final String wwpn;
    private final String mdevUuid;
    private final String block;
    private final String charDev;
    private final String interfaceName;
    private final Preserved other;

    private HostdevSource(Builder b) {
        this.pciAddress = b.pciAddress;
        this.vendorId = b.vendorId;
        this.productId = b.productId;
        this.usbBus = b.usbBus;
        this.usbDevice = b.usbDevice;
        this.startupPolicy = b.startupPolicy;
        this.guestReset = b.guestReset;
        this.adapterName = b.adapterName;
        this.scsiBus = b.scsiBus;
        this.scsiTarget = b.scsiTarget;
        this.scsiUnit = b.scsiUnit;
        this.protocol = b.protocol;
        this.name = b.name;
        this.wwpn = b.wwpn;
        this.mdevUuid = b.mdevUuid;
        this.block = b.block;
        this.charDev = b.charDev;
        this.interfaceName = b.interfaceName;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pciAddress = pciAddress;
        b.vendorId = vendorId;
        b.productId = productId;
        b.usbBus = usbBus;
        b.usbDevice = usbDevice;
        b.startupPolicy = startupPolicy;
        b.guestReset = guestReset;
        b.adapterName = adapterName;
        b.scsiBus = scsiBus;
        b.scsiTarget = scsiTarget;
        b.scsiUnit = scsiUnit;
        b.protocol = protocol;
        b.name = name;
        b.wwpn = wwpn;
        b.mdevUuid = mdevUuid;
        b.block = block;
        b.charDev = charDev;
        b.interfaceName = interfaceName;
        b.other = other;
        return b;
    }

    /** the host PCI address (type {@code pci}; written without a type attribute), or null */
    public Address pciAddress() {
        return pciAddress;
    }

    /** the USB vendor id, or null */
    public Integer vendorId() {
        return vendorId;
    }

    /** the USB product id, or null */
    public Integer productId() {
        return productId;
    }

    /** the USB bus, or null */
    public Integer usbBus() {
        return usbBus;
    }

    /** the USB device number, or null */
    public Integer usbDevice() {
        return usbDevice;
    }

    /** USB {@code startupPolicy}, or null */
    public String startupPolicy() {
        return startupPolicy;
    }

    /** USB {@code guestReset}, or null */
    public String guestReset() {
        return guestReset;
    }

    /** {@code <adapter name=>} of a SCSI source, or null */
    public String adapterName() {
        return adapterName;
    }

    /** the SCSI bus, or null */
    public Integer scsiBus() {
        return scsiBus;
    }

    /** the SCSI target, or null */
    public Integer scsiTarget() {
        return scsiTarget;
    }

    /** the SCSI unit, or null */
    public Long scsiUnit() {
        return scsiUnit;
    }

    /** {@code iscsi} (scsi) or {@code vhost} (scsi_host), or null */
    public String protocol() {
        return protocol;
    }

    /** the iSCSI target name, or null */
    public String name() {
        return name;
    }

    /** the vhost-scsi WWPN, or null */
    public String wwpn() {
        return wwpn;
    }

    /** the mediated device UUID, or null */
    public String mdevUuid() {
        return mdevUuid;
    }

    /** {@code <block>} of a storage capabilities hostdev, or null */
    public String block() {
        return block;
    }

    /** {@code <char>} of a misc capabilities hostdev, or null */
    public String charDev() {
        return charDev;
    }

    /** {@code <interface>} of a net capabilities hostdev, or null */
    public String interfaceName() {
        return interfaceName;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code pciAddress} replaced. */
    public HostdevSource withPciAddress(Address newPciAddress) {
        return toBuilder().pciAddress(newPciAddress).build();
    }

    /** A copy with {@code vendorId} replaced. */
    public HostdevSource withVendorId(Integer newVendorId) {
        return toBuilder().vendorId(newVendorId).build();
    }

    /** A copy with {@code productId} replaced. */
    public HostdevSource withProductId(Integer newProductId) {
        return toBuilder().productId(newProductId).build();
    }

    /** A copy with {@code usbBus} replaced. */
    public HostdevSource withUsbBus(Integer newUsbBus) {
        return toBuilder().usbBus(newUsbBus).build();
    }

    /** A copy with {@code usbDevice} replaced. */
    public HostdevSource withUsbDevice(Integer newUsbDevice) {
        return toBuilder().usbDevice(newUsbDevice).build();
    }

    /** A copy with {@code startupPolicy} replaced. */
    public HostdevSource withStartupPolicy(String newStartupPolicy) {
        return toBuilder().startupPolicy(newStartupPolicy).build();
    }

    /** A copy with {@code guestReset} replaced. */
    public HostdevSource withGuestReset(String newGuestReset) {
        return toBuilder().guestReset(newGuestReset).build();
    }

    /** A copy with {@code adapterName} replaced. */
    public HostdevSource withAdapterName(String newAdapterName) {
        return toBuilder().adapterName(newAdapterName).build();
    }

    /** A copy with {@code scsiBus} replaced. */
    public HostdevSource withScsiBus(Integer newScsiBus) {
        return toBuilder().scsiBus(newScsiBus).build();
    }

    /** A copy with {@code scsiTarget} replaced. */
    public HostdevSource withScsiTarget(Integer newScsiTarget) {
        return toBuilder().scsiTarget(newScsiTarget).build();
    }

    /** A copy with {@code scsiUnit} replaced. */
    public HostdevSource withScsiUnit(Long newScsiUnit) {
        return toBuilder().scsiUnit(newScsiUnit).build();
    }

    /** A copy with {@code protocol} replaced. */
    public HostdevSource withProtocol(String newProtocol) {
        return toBuilder().protocol(newProtocol).build();
    }

    /** A copy with {@code name} replaced. */
    public HostdevSource withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code wwpn} replaced. */
    public HostdevSource withWwpn(String newWwpn) {
        return toBuilder().wwpn(newWwpn).build();
    }

    /** A copy with {@code mdevUuid} replaced. */
    public HostdevSource withMdevUuid(String newMdevUuid) {
        return toBuilder().mdevUuid(newMdevUuid).build();
    }

    /** A copy with {@code block} replaced. */
    public HostdevSource withBlock(String newBlock) {
        return toBuilder().block(newBlock).build();
    }

    /** A copy with {@code charDev} replaced. */
    public HostdevSource withCharDev(String newCharDev) {
        return toBuilder().charDev(newCharDev).build();
    }

    /** A copy with {@code interfaceName} replaced. */
    public HostdevSource withInterfaceName(String newInterfaceName) {
        return toBuilder().interfaceName(newInterfaceName).build();
    }

    /** A copy with {@code other} replaced. */
    public HostdevSource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HostdevSource x)) {
            return false;
        }
        return Objects.equals(pciAddress, x.pciAddress)
                && Objects.equals(vendorId, x.vendorId)
                && Objects.equals(productId, x.productId)
                && Objects.equals(usbBus, x.usbBus)
                && Objects.equals(usbDevice, x.usbDevice)
                && Objects.equals(startupPolicy, x.startupPolicy)
                && Objects.equals(guestReset, x.guestReset)
                && Objects.equals(adapterName, x.adapterName)
                && Objects.equals(scsiBus, x.scsiBus)
                && Objects.equals(scsiTarget, x.scsiTarget)
                && Objects.equals(scsiUnit, x.scsiUnit)
                && Objects.equals(protocol, x.protocol)
                && Objects.equals(name, x.name)
                && Objects.equals(wwpn, x.wwpn)
                && Objects.equals(mdevUuid, x.mdevUuid)
                && Objects.equals(block, x.block)
                && Objects.equals(charDev, x.charDev)
                && Objects.equals(interfaceName, x.interfaceName)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pciAddress, vendorId, productId, usbBus, usbDevice, startupPolicy, guestReset, adapterName, scsiBus, scsiTarget, scsiUnit, protocol, name, wwpn, mdevUuid, block, charDev, interfaceName, other);
    }

    @Override
    public String toString() {
        return "HostdevSource[" + "pciAddress=" + pciAddress + ", "
                + "vendorId=" + vendorId + ", "
                + "productId=" + productId + ", "
                + "usbBus=" + usbBus + ", "
                + "usbDevice=" + usbDevice + ", "
                + "startupPolicy=" + startupPolicy + ", "
                + "guestReset=" + guestReset + ", "
                + "adapterName=" + adapterName + ", "
                + "scsiBus=" + scsiBus + ", "
                + "scsiTarget=" + scsiTarget + ", "
                + "scsiUnit=" + scsiUnit + ", "
                + "protocol=" + protocol + ", "
                + "name=" + name + ", "
                + "wwpn=" + wwpn + ", "
                + "mdevUuid=" + mdevUuid + ", "
                + "block=" + block + ", "
                + "charDev=" + charDev + ", "
                + "interfaceName=" + interfaceName + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link HostdevSource}; not thread-safe. */
    public static final class Builder {
        private Address pciAddress;
        private Integer vendorId;
        private Integer productId;
        private Integer usbBus;
        private Integer usbDevice;
        private String startupPolicy;
        private String guestReset;
        private String adapterName;
        private Integer scsiBus;
        private Integer scsiTarget;
        private Long scsiUnit;
        private String protocol;
        private String name;
        private String wwpn;
        private String mdevUuid;
        private String block;
        private String charDev;
        private String interfaceName;
        private Preserved other;

        private Builder() {
        }

        /** @see HostdevSource#pciAddress() */
        public Builder pciAddress(Address value) {
            this.pciAddress = value;
            return this;
        }

        /** @see HostdevSource#vendorId() */
        public Builder vendorId(Integer value) {
            this.vendorId = value;
            return this;
        }

        /** @see HostdevSource#productId() */
        public Builder productId(Integer value) {
            this.productId = value;
            return this;
        }

        /** @see HostdevSource#usbBus() */
        public Builder usbBus(Integer value) {
            this.usbBus = value;
            return this;
        }

        /** @see HostdevSource#usbDevice() */
        public Builder usbDevice(Integer value) {
            this.usbDevice = value;
            return this;
        }

        /** @see HostdevSource#startupPolicy() */
        public Builder startupPolicy(String value) {
            this.startupPolicy = value;
            return this;
        }

        /** @see HostdevSource#guestReset() */
        public Builder guestReset(String value) {
            this.guestReset = value;
            return this;
        }

        /** @see HostdevSource#adapterName() */
        public Builder adapterName(String value) {
            this.adapterName = value;
            return this;
        }

        /** @see HostdevSource#scsiBus() */
        public Builder scsiBus(Integer value) {
            this.scsiBus = value;
            return this;
        }

        /** @see HostdevSource#scsiTarget() */
        public Builder scsiTarget(Integer value) {
            this.scsiTarget = value;
            return this;
        }

        /** @see HostdevSource#scsiUnit() */
        public Builder scsiUnit(Long value) {
            this.scsiUnit = value;
            return this;
        }

        /** @see HostdevSource#protocol() */
        public Builder protocol(String value) {
            this.protocol = value;
            return this;
        }

        /** @see HostdevSource#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see HostdevSource#wwpn() */
        public Builder wwpn(String value) {
            this.wwpn = value;
            return this;
        }

        /** @see HostdevSource#mdevUuid() */
        public Builder mdevUuid(String value) {
            this.mdevUuid = value;
            return this;
        }

        /** @see HostdevSource#block() */
        public Builder block(String value) {
            this.block = value;
            return this;
        }

        /** @see HostdevSource#charDev() */
        public Builder charDev(String value) {
            this.charDev = value;
            return this;
        }

        /** @see HostdevSource#interfaceName() */
        public Builder interfaceName(String value) {
            this.interfaceName = value;
            return this;
        }

        /** @see HostdevSource#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public HostdevSource build() {
            return new HostdevSource(this);
        }
    }
}
