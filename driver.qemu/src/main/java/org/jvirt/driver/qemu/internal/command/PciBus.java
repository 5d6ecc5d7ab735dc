package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.DeviceInfo;

/** The {@code bus}/{@code addr} properties of a device from its {@code <address type='pci'>}. */
final class PciBus {
    private PciBus() {
    }

    /** Adds {@code bus} and {@code addr} from a device's PCI address, if it has one. */
    static void put(QemuMachine m, DeviceInfo info, Json props) {
        Address a = info.address();
        if (a == null || !a.is("pci")) {
            return;
        }
        int bus = a.bus() == null ? 0 : a.bus();
        int slot = a.slot() == null ? 0 : a.slot();
        int fn = a.function() == null ? 0 : a.function();
        props.put("bus", bus == 0 ? (m.isQ35() ? "pcie.0" : "pci.0") : "pci." + bus);
        if (a.multifunction() != null) {
            props.put("multifunction", "on".equals(a.multifunction()));
        }
        props.put("addr", fn == 0 ? "0x" + Integer.toHexString(slot)
                : "0x" + Integer.toHexString(slot) + ".0x" + Integer.toHexString(fn));
    }
}
