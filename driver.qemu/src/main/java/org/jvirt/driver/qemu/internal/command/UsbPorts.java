package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.DomainDef;

/**
 * USB ports in a running guest's definition, as libvirt keeps them there: a start gives every USB
 * device without one a port (qemuDomainAssignUSBAddresses), and a device plugged later takes a free
 * one (virDomainUSBAddressEnsure), so the live XML shows where each device is.
 */
public final class UsbPorts {
    private UsbPorts() {
    }

    /** {@code def} with a port for every USB device that has none, in the order a start gives them. */
    public static DomainDef assign(DomainDef def) {
        return OtherAddresses.usb(def);
    }
}
