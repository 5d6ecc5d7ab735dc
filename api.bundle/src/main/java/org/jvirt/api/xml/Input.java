package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <input>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Input implements Device {
    private final String type;
    private final String bus;
    private final String model;
    private final InputSource source;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    Input(InputBuilder b) {
        this.type = b.type;
        this.bus = b.bus;
        this.model = b.model;
        this.source = b.source;
        this.driver = b.driver;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static InputBuilder builder() {
        return new InputBuilder();
    }

    /** A builder holding this object's values. */
    public InputBuilder toBuilder() {
        return new InputBuilder(this);
    }

    /** {@code mouse}, {@code tablet}, {@code keyboard}, {@code passthrough}, {@code evdev} */
    public String type() {
        return type;
    }

    /** {@code ps2}, {@code usb}, {@code virtio}, {@code xen}, or null */
    public String bus() {
        return bus;
    }

    /** {@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, or null */
    public String model() {
        return model;
    }

    /** {@code <source>} (passthrough and evdev), or null */
    public InputSource source() {
        return source;
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

    /** A copy with {@code type} replaced. */
    public Input withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code bus} replaced. */
    public Input withBus(String newBus) {
        return toBuilder().bus(newBus).build();
    }

    /** A copy with {@code model} replaced. */
    public Input withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code driver} replaced. */
    public Input withDriver(VirtioDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public Input withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Input withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "input";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Input x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(bus, x.bus) && Objects.equals(model, x.model)
                && Objects.equals(source, x.source) && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, bus, model, source, driver, other, info);
    }

    @Override
    public String toString() {
        return "Input[type=" + type + ", bus=" + bus + ", model=" + model + ", source=" + source
                + ", driver=" + driver + ", other=" + other + ", info=" + info + "]";
    }

}
