package org.jvirt.driver.esx.vmx;

import org.jvirt.api.xml.Disk;

/** How vmx.c's messages name a disk's bus and kind ({@code scsi disk 'sda'}). */
final class DeviceText {
    private DeviceText() {
    }

    static String bus(Disk d) {
        return d.targetBus() == null ? "none" : d.targetBus();
    }

    static String device(Disk d) {
        return d.device() == null ? "disk" : d.device();
    }

    static String type(Disk d) {
        return d.type() == null ? "file" : d.type();
    }
}
