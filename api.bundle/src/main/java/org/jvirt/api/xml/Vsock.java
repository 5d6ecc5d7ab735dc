package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <vsock>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Vsock implements Device {
    private final String model;
    private final String cidAuto;
    private final Integer cidAddress;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    Vsock(VsockBuilder b) {
        this.model = b.model;
        this.cidAuto = b.cidAuto;
        this.cidAddress = b.cidAddress;
        this.driver = b.driver;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static VsockBuilder builder() {
        return new VsockBuilder();
    }

    /** A builder holding this object's values. */
    public VsockBuilder toBuilder() {
        return new VsockBuilder(this);
    }

    /** {@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, or null */
    public String model() {
        return model;
    }

    /** {@code <cid auto=>} ({@code yes}/{@code no}), or null */
    public String cidAuto() {
        return cidAuto;
    }

    /** {@code <cid address=>}, or null */
    public Integer cidAddress() {
        return cidAddress;
    }

    /** {@code <driver>}, or null */
    public VirtioDriver driver() {
        return driver;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code model} replaced. */
    public Vsock withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code driver} replaced. */
    public Vsock withDriver(VirtioDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public Vsock withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Vsock withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "vsock";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Vsock x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(cidAuto, x.cidAuto)
                && Objects.equals(cidAddress, x.cidAddress) && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, cidAuto, cidAddress, driver, other, info);
    }

    @Override
    public String toString() {
        return "Vsock[model=" + model + ", cidAuto=" + cidAuto + ", cidAddress=" + cidAddress
                + ", driver=" + driver + ", other=" + other + ", info=" + info + "]";
    }

}
