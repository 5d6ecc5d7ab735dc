package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <hostdev>} (host device assignment): {@code mode='subsystem'} (pci, usb, scsi,
 * scsi_host, mdev) or {@code mode='capabilities'} (storage, misc, net: the LXC driver's).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Hostdev implements Device {
    private final String mode;
    private final String type;
    private final String managed;
    private final String sgio;
    private final String rawio;
    private final String model;
    private final String display;
    private final String ramfb;
    private final HostdevSource source;
    private final String driverName;
    private final boolean readOnly;
    private final boolean shareable;
    private final NetInterface.Teaming teaming;
    private final List<NetIp> ips;
    private final List<NetRoute> routes;
    private final Preserved other;
    private final DeviceInfo info;

    Hostdev(HostdevBuilder b) {
        this.mode = b.mode;
        this.type = b.type;
        this.managed = b.managed;
        this.sgio = b.sgio;
        this.rawio = b.rawio;
        this.model = b.model;
        this.display = b.display;
        this.ramfb = b.ramfb;
        this.source = b.source;
        this.driverName = b.driverName;
        this.readOnly = b.readOnly;
        this.shareable = b.shareable;
        this.teaming = b.teaming;
        this.ips = List.copyOf(b.ips == null ? List.of() : b.ips);
        this.routes = List.copyOf(b.routes == null ? List.of() : b.routes);
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static HostdevBuilder builder() {
        return new HostdevBuilder();
    }

    /** A builder holding this object's values. */
    public HostdevBuilder toBuilder() {
        return new HostdevBuilder(this);
    }

    /** {@code subsystem} or {@code capabilities} */
    public String mode() {
        return mode;
    }

    /** {@code pci}, {@code usb}, {@code scsi}, {@code scsi_host}, {@code mdev}, {@code storage}, {@code misc}, {@code net} */
    public String type() {
        return type;
    }

    /** {@code yes}/{@code no}, or null */
    public String managed() {
        return managed;
    }

    /** {@code filtered}/{@code unfiltered} (scsi), or null */
    public String sgio() {
        return sgio;
    }

    /** {@code yes}/{@code no} (scsi), or null */
    public String rawio() {
        return rawio;
    }

    /** {@code <hostdev model=>} of an mdev or scsi_host ({@code vfio-pci}, {@code virtio}, ...), or null */
    public String model() {
        return model;
    }

    /** mdev {@code display} {@code on}/{@code off}, or null */
    public String display() {
        return display;
    }

    /** mdev {@code ramfb} {@code on}/{@code off}, or null */
    public String ramfb() {
        return ramfb;
    }

    /** {@code <source>}, or null */
    public HostdevSource source() {
        return source;
    }

    /** {@code <driver name=>} ({@code vfio}, {@code kvm}, {@code xen}), or null */
    public String driverName() {
        return driverName;
    }

    /** {@code <readonly/>} */
    public boolean readOnly() {
        return readOnly;
    }

    /** {@code <shareable/>} */
    public boolean shareable() {
        return shareable;
    }

    /** {@code <teaming>}, or null */
    public NetInterface.Teaming teaming() {
        return teaming;
    }

    /** {@code <ip>} of a capabilities net hostdev, in order */
    public List<NetIp> ips() {
        return ips;
    }

    /** {@code <route>} of a capabilities net hostdev, in order */
    public List<NetRoute> routes() {
        return routes;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code type} replaced. */
    public Hostdev withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code managed} replaced. */
    public Hostdev withManaged(String newManaged) {
        return toBuilder().managed(newManaged).build();
    }

    /** A copy with {@code model} replaced. */
    public Hostdev withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code display} replaced. */
    public Hostdev withDisplay(String newDisplay) {
        return toBuilder().display(newDisplay).build();
    }

    /** A copy with {@code other} replaced. */
    public Hostdev withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Hostdev withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "hostdev";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hostdev x)) {
            return false;
        }
        return Objects.equals(mode, x.mode) && Objects.equals(type, x.type)
                && Objects.equals(managed, x.managed) && Objects.equals(sgio, x.sgio)
                && Objects.equals(rawio, x.rawio) && Objects.equals(model, x.model)
                && Objects.equals(display, x.display) && Objects.equals(ramfb, x.ramfb)
                && Objects.equals(source, x.source) && Objects.equals(driverName, x.driverName)
                && readOnly == x.readOnly && shareable == x.shareable && Objects.equals(teaming, x.teaming)
                && Objects.equals(ips, x.ips) && Objects.equals(routes, x.routes)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, type, managed, sgio, rawio, model, display, ramfb, source, driverName,
                readOnly, shareable, teaming, ips, routes, other, info);
    }

    @Override
    public String toString() {
        return "Hostdev[mode=" + mode + ", type=" + type + ", managed=" + managed + ", sgio=" + sgio
                + ", rawio=" + rawio + ", model=" + model + ", display=" + display + ", ramfb=" + ramfb
                + ", source=" + source + ", driverName=" + driverName + ", readOnly=" + readOnly
                + ", shareable=" + shareable + ", teaming=" + teaming + ", ips=" + ips + ", routes=" + routes
                + ", other=" + other + ", info=" + info + "]";
    }

}
