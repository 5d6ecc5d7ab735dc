package org.jvirt.api.xml;

/** Collects the values of a {@link DiskTarget}: from {@link DiskTarget#builder()} or {@link DiskTarget#toBuilder()}; not thread-safe. */
public final class DiskTargetBuilder {
    String dev;
    String bus;
    String tray;
    String removable;
    Integer rotationRate;
    Preserved other;

    DiskTargetBuilder() {
    }

    DiskTargetBuilder(DiskTarget from) {
        dev = from.dev();
        bus = from.bus();
        tray = from.tray();
        removable = from.removable();
        rotationRate = from.rotationRate();
        other = from.other();
    }

    /** @see DiskTarget#dev() */
    public DiskTargetBuilder dev(String value) {
        this.dev = value;
        return this;
    }

    /** @see DiskTarget#bus() */
    public DiskTargetBuilder bus(String value) {
        this.bus = value;
        return this;
    }

    /** @see DiskTarget#tray() */
    public DiskTargetBuilder tray(String value) {
        this.tray = value;
        return this;
    }

    /** @see DiskTarget#removable() */
    public DiskTargetBuilder removable(String value) {
        this.removable = value;
        return this;
    }

    /** @see DiskTarget#rotationRate() */
    public DiskTargetBuilder rotationRate(Integer value) {
        this.rotationRate = value;
        return this;
    }

    /** @see DiskTarget#other() */
    public DiskTargetBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public DiskTarget build() {
        return new DiskTarget(this);
    }
}
