package org.jvirt.api.xml;

/** Collects the values of a {@link Hub}: from {@link Hub#builder()} or {@link Hub#toBuilder()}; not thread-safe. */
public final class HubBuilder {
    String type;
    Preserved other;
    DeviceInfo info;

    HubBuilder() {
    }

    HubBuilder(Hub from) {
        type = from.type();
        other = from.other();
        info = from.info();
    }

    /** @see Hub#type() */
    public HubBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Hub#other() */
    public HubBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Hub#info() */
    public HubBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Hub build() {
        return new Hub(this);
    }
}
