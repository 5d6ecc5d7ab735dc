package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.DeviceInfo;

/** The {@code bus}/{@code port} properties of a USB device from its {@code <address type='usb'>}. */
final class UsbBus {
    private UsbBus() {
    }

    static void put(DeviceInfo info, Json props) {
        Address a = info.address();
        if (a != null && a.is("usb")) {
            props.put("bus", "usb." + (a.bus() == null ? 0 : a.bus())).put("port", a.usbPort());
        }
    }
}
