package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <controller>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Controller implements Device {
    private final String type;
    private final int index;
    private final String model;
    private final Integer ports;
    private final Integer vectors;
    private final String modelName;
    private final ControllerDriver driver;
    private final ControllerTarget target;
    private final Preserved other;
    private final DeviceInfo info;

    Controller(ControllerBuilder b) {
        this.type = b.type;
        this.index = b.index;
        this.model = b.model;
        this.ports = b.ports;
        this.vectors = b.vectors;
        this.modelName = b.modelName;
        this.driver = b.driver;
        this.target = b.target;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static ControllerBuilder builder() {
        return new ControllerBuilder();
    }

    /** A builder holding this object's values. */
    public ControllerBuilder toBuilder() {
        return new ControllerBuilder(this);
    }

    /** {@code ide}, {@code scsi}, {@code usb}, {@code sata}, {@code pci}, {@code virtio-serial}, {@code ccid}, {@code fdc}, {@code xenbus}, {@code isa} */
    public String type() {
        return type;
    }

    /** the controller index (libvirt assigns the lowest free one when absent; -1 until then) */
    public int index() {
        return index;
    }

    /** the model, or null */
    public String model() {
        return model;
    }

    /** {@code ports} (virtio-serial, usb), or null */
    public Integer ports() {
        return ports;
    }

    /** {@code vectors} (virtio-serial), or null */
    public Integer vectors() {
        return vectors;
    }

    /** {@code <model name=>} of a PCI controller, or null */
    public String modelName() {
        return modelName;
    }

    /** {@code <driver>}, or null */
    public ControllerDriver driver() {
        return driver;
    }

    /** {@code <target>} of a PCI controller, or null */
    public ControllerTarget target() {
        return target;
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
    public Controller withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code index} replaced. */
    public Controller withIndex(int newIndex) {
        return toBuilder().index(newIndex).build();
    }

    /** A copy with {@code model} replaced. */
    public Controller withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code modelName} replaced. */
    public Controller withModelName(String newModelName) {
        return toBuilder().modelName(newModelName).build();
    }

    /** A copy with {@code driver} replaced. */
    public Controller withDriver(ControllerDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code target} replaced. */
    public Controller withTarget(ControllerTarget newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code other} replaced. */
    public Controller withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Controller withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "controller";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Controller x)) {
            return false;
        }
        return Objects.equals(type, x.type) && index == x.index && Objects.equals(model, x.model)
                && Objects.equals(ports, x.ports) && Objects.equals(vectors, x.vectors)
                && Objects.equals(modelName, x.modelName) && Objects.equals(driver, x.driver)
                && Objects.equals(target, x.target) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, index, model, ports, vectors, modelName, driver, target, other, info);
    }

    @Override
    public String toString() {
        return "Controller[type=" + type + ", index=" + index + ", model=" + model + ", ports=" + ports
                + ", vectors=" + vectors + ", modelName=" + modelName + ", driver=" + driver
                + ", target=" + target + ", other=" + other + ", info=" + info + "]";
    }

}
