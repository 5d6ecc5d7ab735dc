package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * The devices libvirt's QEMU driver adds to every definition (qemuDomainDefAddDefaultDevices) and
 * the implicit controllers and backends of the generic post-parse step
 * (virDomainDefAddImplicitDevices), in libvirt's order.
 */
final class ImplicitDevices {
    private ImplicitDevices() {
    }

    /** qemuDomainDefAddDefaultDevices: default USB, SATA, PCI root, balloon and iTCO watchdog. */
    static void addDefaults(QemuDomain d) throws VirtException {
        boolean addUsb = true;
        boolean addPciRoot = false;
        boolean addPcieRoot = false;
        boolean addSata = false;
        boolean addItco = false;
        String usbModel = null;
        if (d.isX86()) {
            if ("isapc".equals(d.machine())) {
                addUsb = false;
            } else if (d.isQ35()) {
                addPcieRoot = true;
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
            } else if (d.isI440fx()) {
                addPciRoot = true;
            }
        }
        if (addUsb && d.controller("usb", 0) == null) {
            XNode usb = new XNode("controller").set("type", "usb").set("index", "0");
            if (usbModel != null) {
                usb.set("model", usbModel);
            }
            d.insertController(usb);
        }
        if (addSata && d.controller("sata", 0) == null) {
            d.insertController(new XNode("controller").set("type", "sata").set("index", "0"));
        }
        XNode pciRoot = d.controller("pci", 0);
        if (addPciRoot) {
            if (pciRoot == null) {
                d.insertController(new XNode("controller").set("type", "pci").set("index", "0")
                        .set("model", "pci-root"));
            } else if (!"pci-root".equals(pciRoot.attr("model"))) {
                throw QemuErrors.xml("The PCI controller with index='0' must be model='pci-root' for "
                        + "this machine type, but model='" + pciRoot.attr("model") + "' was found instead");
            }
        }
        if (addPcieRoot) {
            if (pciRoot == null) {
                d.insertController(new XNode("controller").set("type", "pci").set("index", "0")
                        .set("model", "pcie-root"));
            } else if (!"pcie-root".equals(pciRoot.attr("model"))) {
                throw QemuErrors.xml("The PCI controller with index='0' must be model='pcie-root' for "
                        + "this machine type, but model='" + pciRoot.attr("model") + "' was found instead");
            }
        }
        if (d.devices("memballoon").isEmpty()) {
            d.add(new XNode("memballoon").set("model", "virtio"));
        }
        if (addItco && d.devices("watchdog", w -> w.is("model", "itco")).isEmpty()) {
            d.add(new XNode("watchdog").set("model", "itco").set("action", "reset"));
        }
    }

    /** virDomainDefAddImplicitControllers and friends, after the per-device defaults. */
    static void addImplicit(QemuDomain d) {
        addImplicitControllers(d);
        for (XNode c : d.devices("controller")) {
            DeviceDefaults.controller(d, c);
        }
    }

    private static void addImplicitControllers(QemuDomain d) {
        for (String bus : new String[] {"scsi", "fdc", "ide", "sata"}) {
            int max = -1;
            for (XNode disk : d.devices("disk")) {
                if (bus.equals(disk.childAttr("target", "bus")) && "drive".equals(disk.addressType())) {
                    max = Math.max(max, Attrs.intAttr(disk.address(), "controller", 0));
                }
            }
            for (int i = 0; i <= max; i++) {
                if (d.controller(bus, i) == null) {
                    d.insertController(new XNode("controller").set("type", bus).set("index", String.valueOf(i)));
                }
            }
        }
        boolean needsVirtioSerial = false;
        for (XNode ch : d.devices("channel")) {
            if ("virtio".equals(ch.childAttr("target", "type"))) {
                needsVirtioSerial = true;
            }
        }
        for (XNode con : d.devices("console")) {
            if ("virtio".equals(con.childAttr("target", "type"))) {
                needsVirtioSerial = true;
            }
        }
        if (needsVirtioSerial && d.controllers("virtio-serial").isEmpty()) {
            d.insertController(new XNode("controller").set("type", "virtio-serial").set("index", "0"));
        }
        if (!d.devices("smartcard").isEmpty() && d.controller("ccid", 0) == null) {
            d.insertController(new XNode("controller").set("type", "ccid").set("index", "0"));
        }
    }

    /** qemuDomainDefAddImplicitInputDevice: PS/2 mouse and keyboard on machines with an i8042. */
    static void addInputs(QemuDomain d) {
        if (!d.isX86() || !(d.isI440fx() || d.isQ35())) {
            return;
        }
        if (!d.caps.has("i8042")) {
            return;
        }
        XNode features = null;
        if (d.def.features() != null && d.def.features().get("ps2") != null
                && "off".equals(d.def.features().get("ps2").attribute("state"))) {
            return;
        }
        addInputIfMissing(d, "mouse");
        addInputIfMissing(d, "keyboard");
    }

    private static void addInputIfMissing(QemuDomain d, String type) {
        if (d.devices("input", i -> type.equals(i.attr("type")) && "ps2".equals(i.attr("bus"))).isEmpty()) {
            d.add(new XNode("input").set("type", type).set("bus", "ps2"));
        }
    }

    /** qemuDomainDefAddDefaultAudioBackend: one backend when there is none. */
    static void addAudio(QemuDomain d) {
        if (!d.devices("audio").isEmpty()) {
            return;
        }
        String type = "none";
        List<XNode> graphics = d.devices("graphics");
        if (!graphics.isEmpty() && graphics.stream().noneMatch(g -> g.is("type", "vnc") || g.is("type", "spice"))) {
            return; // other displays (SDL, D-Bus, egl-headless) take their audio from elsewhere
        }
        for (XNode g : graphics) {
            if (g.is("type", "spice")) {
                type = "spice";
                break;
            }
            if (g.is("type", "sdl")) {
                return; // SDL's audio comes from the environment (QEMU_AUDIO_DRV), none here
            }
        }
        d.add(new XNode("audio").set("id", "1").set("type", type));
    }
}
