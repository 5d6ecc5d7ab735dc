package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <memballoon>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class MemBalloon implements Device {
    private final String model;
    private final String autodeflate;
    private final String freePageReporting;
    private final Integer statsPeriod;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    MemBalloon(MemBalloonBuilder b) {
        this.model = b.model;
        this.autodeflate = b.autodeflate;
        this.freePageReporting = b.freePageReporting;
        this.statsPeriod = b.statsPeriod;
        this.driver = b.driver;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static MemBalloonBuilder builder() {
        return new MemBalloonBuilder();
    }

    /** A builder holding this object's values. */
    public MemBalloonBuilder toBuilder() {
        return new MemBalloonBuilder(this);
    }

    /** {@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, {@code xen} or {@code none} */
    public String model() {
        return model;
    }

    /** {@code on}/{@code off}, or null */
    public String autodeflate() {
        return autodeflate;
    }

    /** {@code on}/{@code off}, or null */
    public String freePageReporting() {
        return freePageReporting;
    }

    /** {@code <stats period=>} in seconds, or null */
    public Integer statsPeriod() {
        return statsPeriod;
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
    public MemBalloon withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code driver} replaced. */
    public MemBalloon withDriver(VirtioDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public MemBalloon withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public MemBalloon withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "memballoon";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemBalloon x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(autodeflate, x.autodeflate)
                && Objects.equals(freePageReporting, x.freePageReporting)
                && Objects.equals(statsPeriod, x.statsPeriod) && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, autodeflate, freePageReporting, statsPeriod, driver, other, info);
    }

    @Override
    public String toString() {
        return "MemBalloon[model=" + model + ", autodeflate=" + autodeflate
                + ", freePageReporting=" + freePageReporting + ", statsPeriod=" + statsPeriod
                + ", driver=" + driver + ", other=" + other + ", info=" + info + "]";
    }

}
