package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <watchdog>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Watchdog implements Device {
    private final String model;
    private final String action;
    private final Preserved other;
    private final DeviceInfo info;

    Watchdog(WatchdogBuilder b) {
        this.model = b.model;
        this.action = b.action;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static WatchdogBuilder builder() {
        return new WatchdogBuilder();
    }

    /** A builder holding this object's values. */
    public WatchdogBuilder toBuilder() {
        return new WatchdogBuilder(this);
    }

    /** {@code i6300esb}, {@code ib700}, {@code diag288}, {@code itco} */
    public String model() {
        return model;
    }

    /** {@code reset}, {@code shutdown}, {@code poweroff}, {@code pause}, {@code none}, {@code dump}, {@code inject-nmi}, or null */
    public String action() {
        return action;
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
    public Watchdog withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code action} replaced. */
    public Watchdog withAction(String newAction) {
        return toBuilder().action(newAction).build();
    }

    /** A copy with {@code other} replaced. */
    public Watchdog withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Watchdog withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "watchdog";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Watchdog x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(action, x.action)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, action, other, info);
    }

    @Override
    public String toString() {
        return "Watchdog[model=" + model + ", action=" + action + ", other=" + other + ", info=" + info + "]";
    }

}
