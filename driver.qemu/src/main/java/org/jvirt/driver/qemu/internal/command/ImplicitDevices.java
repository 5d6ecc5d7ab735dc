package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.Watchdog;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * The devices libvirt's QEMU driver adds to every definition: the default devices
 * (qemuDomainDefAddDefaultDevices), which come before the generic implicit controllers, and the
 * PS/2 inputs and audio backend, which come after them.
 */
final class ImplicitDevices {
    private ImplicitDevices() {
    }

    /** qemuDomainDefAddDefaultDevices: default USB, SATA, PCI root, balloon and iTCO watchdog. */
    static void addDefaults(DomainDraft d) throws VirtException {
        QemuMachine m = d.machine();
        boolean addUsb = true;
        boolean addSata = false;
        boolean addItco = false;
        String pciRootModel = null;
        String usbModel = null;
        if (m.isX86()) {
            if ("isapc".equals(m.machine())) {
                addUsb = false;
            } else if (m.isQ35()) {
                pciRootModel = "pcie-root";
                addSata = true;
                addItco = true;
                if (d.caps.has("qemu-xhci")) {
                    usbModel = "qemu-xhci";
                } else if (d.caps.has("nec-usb-xhci")) {
                    usbModel = "nec-xhci";
                } else if (d.caps.has("ich9-usb-ehci1")) {
                    usbModel = "ich9-ehci1";
                } else {
                    addUsb = false;
                }
            } else if (m.isI440fx()) {
                pciRootModel = "pci-root";
            }
        }
        if (addUsb && d.controller("usb", 0) == null) {
            d.insertController(Controller.builder().type("usb").index(0).model(usbModel).build());
        }
        if (addSata && d.controller("sata", 0) == null) {
            d.insertController(Controller.builder().type("sata").index(0).build());
        }
        Controller pciRoot = d.controller("pci", 0);
        if (pciRootModel != null) {
            if (pciRoot == null) {
                d.insertController(Controller.builder().type("pci").index(0).model(pciRootModel).build());
            } else if (!pciRootModel.equals(pciRoot.model())) {
                throw QemuErrors.xml("The PCI controller with index='0' must be model='" + pciRootModel + "' for "
                        + "this machine type, but model='" + pciRoot.model() + "' was found instead");
            }
        }
        if (d.devices(MemBalloon.class).isEmpty()) {
            d.add(MemBalloon.builder().model("virtio").build());
        }
        if (addItco && d.devices(Watchdog.class, w -> "itco".equals(w.model())).isEmpty()) {
            d.add(Watchdog.builder().model("itco").action("reset").build());
        }
    }

    /** qemuDomainDefAddImplicitInputDevice: PS/2 mouse and keyboard on machines with an i8042. */
    static void addInputs(DomainDraft d) {
        QemuMachine m = d.machine();
        if (!m.isX86() || !(m.isI440fx() || m.isQ35()) || !d.caps.has("i8042")) {
            return;
        }
        if (d.def.features() != null && d.def.features().off("ps2")) {
            return;
        }
        addInputIfMissing(d, "mouse");
        addInputIfMissing(d, "keyboard");
    }

    private static void addInputIfMissing(DomainDraft d, String type) {
        if (d.devices(Input.class, i -> type.equals(i.type()) && "ps2".equals(i.bus())).isEmpty()) {
            d.add(Input.builder().type(type).bus("ps2").build());
        }
    }

    /** qemuDomainDefAddDefaultAudioBackend: one backend when there is none. */
    static void addAudio(DomainDraft d) {
        if (!d.devices(Audio.class).isEmpty()) {
            return;
        }
        List<String> graphics = d.devices().stream().filter(g -> g.elementName().equals("graphics"))
                .map(ImplicitDevices::graphicsType).toList();
        if (!graphics.isEmpty() && !graphics.contains("vnc") && !graphics.contains("spice")) {
            return; // other displays (SDL, D-Bus, egl-headless) take their audio from elsewhere
        }
        String type = "none";
        for (String g : graphics) {
            if (g.equals("spice")) {
                type = "spice";
                break;
            }
            if (g.equals("sdl")) {
                return; // SDL's audio comes from the environment (QEMU_AUDIO_DRV), none here
            }
        }
        d.add(Audio.builder().id(1).type(type).build());
    }

    /** The display type of a graphics device; a type the model does not know stays a GenericDevice. */
    static String graphicsType(Device g) {
        if (g instanceof Graphics typed) {
            return typed.type();
        }
        String type = ((GenericDevice) g).element().attribute("type");
        return type == null ? "" : type;
    }
}
