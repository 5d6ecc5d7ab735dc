package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Hub;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** The QEMU driver's checks of controllers (qemu_validate.c's controller part), with libvirt's messages. */
final class ControllerValidator {
    private static final int XHCI_MAX_PORTS = 15;

    private ControllerValidator() {
    }

    /** Controllers as written: iothreads only on virtio-scsi, PCI roots unaddressed at index 0. */
    static void written(QemuMachine m) throws VirtException {
        for (Controller c : m.def().devices().controllers()) {
            if (c.driver() != null && c.driver().iothread() != null
                    && !("scsi".equals(c.type()) && "virtio-scsi".equals(c.model()))) {
                throw QemuErrors.xml("'iothread' attribute only supported for virtio scsi controllers");
            }
            if ("pci-root".equals(c.model()) || "pcie-root".equals(c.model())) {
                if (c.info().address() != null) {
                    throw QemuErrors.unsupported("pci-root and pcie-root controllers should not have an address");
                }
                if (c.index() != 0) {
                    throw QemuErrors.xml("pci-root and pcie-root controllers should have index 0");
                }
            }
        }
    }

    /** pcie-expander-bus needs a PCI Express machine (the machine type as written). */
    static void expanderBus(QemuMachine m) throws VirtException {
        for (Controller c : m.def().devices().controllers()) {
            if ("pcie-expander-bus".equals(c.model()) && !m.isQ35()) {
                throw QemuErrors.unsupported("pcie-expander-bus controllers are not supported with this machine type");
            }
        }
    }

    /** USB controllers of the completed definition: "none" alone, xHCI port counts, a PCI bus. */
    static void usb(QemuMachine m) throws VirtException {
        List<Controller> usb = m.controllers("usb");
        boolean usbNone = usb.stream().anyMatch(c -> "none".equals(c.model()));
        if (usbNone && usb.size() > 1) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                    "Can't add another USB controller: USB is disabled for this domain");
        }
        if (usbNone && !m.def().devices().ofType(Hub.class).isEmpty()) {
            throw QemuErrors.unsupported("Can't add USB hub: USB is disabled for this domain");
        }
        for (Controller c : usb) {
            String model = c.model() == null ? "" : c.model();
            if ((model.equals("qemu-xhci") || model.equals("nec-xhci")) && c.ports() != null
                    && c.ports() > XHCI_MAX_PORTS) {
                throw QemuErrors.unsupported("'" + model + "' controller only supports up to '" + XHCI_MAX_PORTS
                        + "' ports");
            }
        }
        if ("isapc".equals(m.machine()) && !usb.isEmpty() && !usbNone) {
            throw QemuErrors.xml("No PCI buses available");
        }
    }
}
