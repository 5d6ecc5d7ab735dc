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
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    HostdevSource(HostdevSourceBuilder b) {
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
    public static HostdevSourceBuilder builder() {
        return new HostdevSourceBuilder();
    }

    /** A builder holding this object's values. */
    public HostdevSourceBuilder toBuilder() {
        return new HostdevSourceBuilder(this);
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

    /** A copy with {@code name} replaced. */
    public HostdevSource withName(String newName) {
        return toBuilder().name(newName).build();
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
        return Objects.equals(pciAddress, x.pciAddress) && Objects.equals(vendorId, x.vendorId)
                && Objects.equals(productId, x.productId) && Objects.equals(usbBus, x.usbBus)
                && Objects.equals(usbDevice, x.usbDevice) && Objects.equals(startupPolicy, x.startupPolicy)
                && Objects.equals(guestReset, x.guestReset) && Objects.equals(adapterName, x.adapterName)
                && Objects.equals(scsiBus, x.scsiBus) && Objects.equals(scsiTarget, x.scsiTarget)
                && Objects.equals(scsiUnit, x.scsiUnit) && Objects.equals(protocol, x.protocol)
                && Objects.equals(name, x.name) && Objects.equals(wwpn, x.wwpn)
                && Objects.equals(mdevUuid, x.mdevUuid) && Objects.equals(block, x.block)
                && Objects.equals(charDev, x.charDev) && Objects.equals(interfaceName, x.interfaceName)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pciAddress, vendorId, productId, usbBus, usbDevice, startupPolicy, guestReset,
                adapterName, scsiBus, scsiTarget, scsiUnit, protocol, name, wwpn, mdevUuid, block, charDev,
                interfaceName, other);
    }

    @Override
    public String toString() {
        return "HostdevSource[pciAddress=" + pciAddress + ", vendorId=" + vendorId
                + ", productId=" + productId + ", usbBus=" + usbBus + ", usbDevice=" + usbDevice
                + ", startupPolicy=" + startupPolicy + ", guestReset=" + guestReset
                + ", adapterName=" + adapterName + ", scsiBus=" + scsiBus + ", scsiTarget=" + scsiTarget
                + ", scsiUnit=" + scsiUnit + ", protocol=" + protocol + ", name=" + name + ", wwpn=" + wwpn
                + ", mdevUuid=" + mdevUuid + ", block=" + block + ", charDev=" + charDev
                + ", interfaceName=" + interfaceName + ", other=" + other + "]";
    }

}
