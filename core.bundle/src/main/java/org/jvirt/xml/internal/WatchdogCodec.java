package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Watchdog;
import org.jvirt.api.xml.XmlElement;

/** {@code <watchdog>}: its model and action; the rest is kept. */
final class WatchdogCodec {
    private WatchdogCodec() {
    }

    static Watchdog parse(Node n) throws VirtException {
        return Watchdog.builder().model(n.attr("model")).action(n.attr("action")).info(DeviceInfoCodec.parse(n))
                .other(n.rest()).build();
    }

    static XmlElement format(Watchdog w) {
        return new Out("watchdog").attr("model", w.model()).attr("action", w.action())
                .children(DeviceInfoCodec.format(w.info())).preserved(w.other()).build();
    }
}
