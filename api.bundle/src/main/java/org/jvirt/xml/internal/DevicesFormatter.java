package org.jvirt.xml.internal;

import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.GenericDevice;

/** {@code <devices>}: devices grouped by kind in libvirt's order. */
final class DevicesFormatter {
    private final int flags;

    DevicesFormatter(int flags) {
        this.flags = flags;
    }

    Out format(Devices devices) {
        Out o = new Out("devices");
        o.textChild("emulator", devices.emulator());
        for (Device d : devices.all()) {
            if (d instanceof GenericDevice g) {
                o.child(g.element());
            }
        }
        return o;
    }
}
