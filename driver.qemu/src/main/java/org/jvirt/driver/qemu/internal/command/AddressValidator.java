package org.jvirt.driver.qemu.internal.command;

import java.util.HashSet;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * The checks of the device addresses a definition was written with: PCI addresses in range
 * (virPCIDeviceAddressIsValid) and USB addresses that name an existing bus and a free port.
 */
final class AddressValidator {
    private static final int MAX_USB_PORT_DEPTH = 5;

    private AddressValidator() {
    }

    /** Every PCI address within the bus, slot and function ranges, in libvirt's hex notation. */
    static void pciRanges(DomainDef def) throws VirtException {
        for (Device dev : def.devices().all()) {
            Address a = dev.info().address();
            if (a == null || !a.is("pci")) {
                continue;
            }
            if (a.bus() != null && a.bus() > 0xff) {
                throw QemuErrors.xml(String.format("Invalid PCI address bus='0x%x', must be <= 0xFF", a.bus()));
            }
            if (a.slot() != null && a.slot() > 0x1f) {
                throw QemuErrors.xml(String.format("Invalid PCI address slot='0x%x', must be <= 0x1F", a.slot()));
            }
            if (a.function() != null && a.function() > 7) {
                throw QemuErrors.xml(String.format("Invalid PCI address function=0x%x, must be <= 7", a.function()));
            }
        }
    }

    /** USB ports at most five hubs deep, each used once, on buses that have a controller. */
    static void usb(DomainDef def) throws VirtException {
        Set<String> ports = new HashSet<>();
        for (Device dev : def.devices().all()) {
            Address a = dev.info().address();
            if (a == null || !a.is("usb") || a.usbPort() == null) {
                continue;
            }
            String port = a.usbPort();
            if (port.split("\\.").length > MAX_USB_PORT_DEPTH) {
                throw QemuErrors.internal("Cannot parse <address> 'port' attribute");
            }
            if (!ports.add(usbBus(a) + ":" + port)) {
                throw QemuErrors.xml("Duplicate USB address bus " + usbBus(a) + " port " + port);
            }
        }
        Set<Integer> buses = new HashSet<>();
        for (Controller c : def.devices().controllers()) {
            if ("usb".equals(c.type())) {
                buses.add(c.index());
            }
        }
        for (Device dev : def.devices().all()) {
            Address a = dev.info().address();
            if (a != null && a.is("usb") && !buses.contains(usbBus(a))) {
                throw QemuErrors.xml("USB bus " + usbBus(a) + " requested but no controller with that index is present");
            }
        }
    }

    private static int usbBus(Address a) {
        return a.bus() == null ? 0 : a.bus();
    }
}
