package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * The QEMU driver's checks of a definition (libvirt's qemu_validate.c and the QEMU post-parse
 * errors), with libvirt's messages and error codes, in libvirt's order. {@link #checkParsed} looks
 * at the definition as parsed, before the QEMU defaults (what they would hide); {@link #validate}
 * at the completed definition, before addresses are assigned. The checks the codec already makes
 * with the same message (boot order elements, boot menu timeout, duplicate targets and controller
 * indexes, numatune nodesets and placement, negative disk queues) are not repeated here.
 */
final class QemuValidator {
    private QemuValidator() {
    }

    /** Checks on the definition as the codec parsed it, before the QEMU defaults. */
    static void checkParsed(DomainDef parsed, QemuCaps caps) throws VirtException {
        QemuMachine m = new QemuMachine(parsed, caps);
        MachineValidator.virtType(parsed, caps);
        ControllerValidator.written(m);
        AddressValidator.pciRanges(parsed);
        DeviceValidator.hostdevs(parsed);
        DeviceValidator.iommus(m);
        ControllerValidator.expanderBus(m);
        DeviceValidator.tpms(parsed);
        AddressValidator.usb(parsed);
        DiskValidator.written(parsed);
        MachineValidator.numaWritten(parsed);
        MachineValidator.sysinfoUuid(parsed);
    }

    /** Checks on the completed definition. */
    static void validate(DomainDef def, QemuCaps caps) throws VirtException {
        QemuMachine m = new QemuMachine(def, caps);
        MachineValidator.cpu(def);
        MachineValidator.lifecycleActions(def);
        DiskValidator.completed(def);
        ControllerValidator.usb(m);
        DeviceValidator.videos(def);
        DeviceValidator.chardevs(def);
        DeviceValidator.interfaces(def);
        DeviceValidator.shmems(def);
        DeviceValidator.inputs(def);
        MachineValidator.features(m);
        MachineValidator.memoryHotplug(def);
    }
}
