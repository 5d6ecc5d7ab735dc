package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.DeviceInfo;

/** The {@code bus}/{@code addr} properties of a device from its {@code <address type='pci'>}. */
final class PciBus {
    private PciBus() {
    }

    static void put(QemuDomain d, XNode dev, Json props) {
        XNode a = dev.address();
        if (a == null || !"pci".equals(a.attr("type"))) {
            return;
        }
        int bus = Attrs.intAttr(a, "bus", 0);
        int slot = Attrs.intAttr(a, "slot", 0);
        int fn = Attrs.intAttr(a, "function", 0);
        props.put("bus", bus == 0 ? (d.isQ35() ? "pcie.0" : "pci.0") : "pci." + bus);
        if (a.attr("multifunction") != null) {
            props.put("multifunction", "on".equals(a.attr("multifunction")));
        }
        props.put("addr", fn == 0 ? "0x" + Integer.toHexString(slot)
                : "0x" + Integer.toHexString(slot) + ".0x" + Integer.toHexString(fn));
    }

    /** The same from a typed device's information. */
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
