package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <video>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Video implements Device {
    private final VideoModel model;
    private final VideoDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    Video(VideoBuilder b) {
        this.model = b.model;
        this.driver = b.driver;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static VideoBuilder builder() {
        return new VideoBuilder();
    }

    /** A builder holding this object's values. */
    public VideoBuilder toBuilder() {
        return new VideoBuilder(this);
    }

    /** {@code <model>}, or null */
    public VideoModel model() {
        return model;
    }

    /** {@code <driver>}, or null */
    public VideoDriver driver() {
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
    public Video withModel(VideoModel newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code driver} replaced. */
    public Video withDriver(VideoDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public Video withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Video withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "video";
    }

    /** The model type ({@code vga}, {@code cirrus}, {@code virtio}, {@code qxl}, ...), or null. */
    public String modelType() {
        return model == null ? null : model.type();
    }

    /** Whether this is the primary video device. */
    public boolean primary() {
        return model != null && "yes".equals(model.primary());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Video x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, driver, other, info);
    }

    @Override
    public String toString() {
        return "Video[model=" + model + ", driver=" + driver + ", other=" + other + ", info=" + info + "]";
    }

}
