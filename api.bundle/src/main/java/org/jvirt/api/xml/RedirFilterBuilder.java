package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link RedirFilter}: from {@link RedirFilter#builder()} or {@link RedirFilter#toBuilder()}; not thread-safe. */
public final class RedirFilterBuilder {
    List<RedirFilter.UsbDev> usbdevs;
    Preserved other;
    DeviceInfo info;

    RedirFilterBuilder() {
    }

    RedirFilterBuilder(RedirFilter from) {
        usbdevs = from.usbdevs();
        other = from.other();
        info = from.info();
    }

    /** @see RedirFilter#usbdevs() */
    public RedirFilterBuilder usbdevs(List<RedirFilter.UsbDev> value) {
        this.usbdevs = value;
        return this;
    }

    /** @see RedirFilter#other() */
    public RedirFilterBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see RedirFilter#info() */
    public RedirFilterBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public RedirFilter build() {
        return new RedirFilter(this);
    }
}
