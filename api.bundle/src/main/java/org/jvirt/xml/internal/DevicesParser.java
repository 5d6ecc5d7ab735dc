package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.XmlElement;

/** {@code <devices>}: each child to its typed record, or kept as a {@link GenericDevice}. */
final class DevicesParser {
    private final int flags;

    DevicesParser(int flags) {
        this.flags = flags;
    }

    Devices parse(Node n) throws VirtException {
        if (n == null) {
            return Devices.NONE;
        }
        String emulator = null;
        List<Device> all = new ArrayList<>();
        for (XmlElement child : n.element().children()) {
            if (child.name().equals("emulator")) {
                emulator = child.text();
                continue;
            }
            all.add(new GenericDevice(child));
        }
        return new Devices(emulator, all);
    }
}
