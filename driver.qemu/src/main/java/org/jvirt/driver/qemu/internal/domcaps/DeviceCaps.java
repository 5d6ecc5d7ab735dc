package org.jvirt.driver.qemu.internal.domcaps;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Element;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Enum;

/**
 * The {@code <devices>} of the domain capabilities, as libvirt 9.0's
 * virQEMUCapsFillDomainDevice*Caps fill them from the capability flags: disk, graphics, video,
 * hostdev, rng, filesystem, tpm, redirdev and channel, each enum in libvirt's declared order.
 */
final class DeviceCaps {
    private DeviceCaps() {
    }

    static List<Element> devices(QemuCaps caps, String machine, HostFacts host) {
        return List.of(disk(caps, machine), graphics(caps), video(caps), hostdev(caps, host), rng(caps),
                filesystem(caps), tpm(caps, host), redirdev(caps), channel(caps));
    }

    private static Element disk(QemuCaps caps, String machine) {
        boolean pseries = machine != null && machine.startsWith("pseries") && caps.arch().startsWith("ppc64");
        List<String> devices = new ArrayList<>(List.of("disk", "cdrom"));
        List<String> bus = new ArrayList<>();
        if (!pseries) {
            devices.add("floppy");
        }
        devices.add("lun");
        if (hasBuiltinIde(machine, caps.arch())) {
            bus.add("ide");
        }
        if (!pseries) {
            bus.add("fdc");
        }
        bus.add("scsi");
        bus.add("virtio");
        if (caps.has("usb-storage")) {
            bus.add("usb");
        }
        if (caps.has("ich9-ahci")) {
            bus.add("sata");
        }
        return Element.of("disk", new Enum("diskDevice", devices), new Enum("bus", bus),
                new Enum("model", virtioModels(caps)));
    }

    private static List<String> virtioModels(QemuCaps caps) {
        return caps.has("virtio-pci-non-transitional")
                ? List.of("virtio", "virtio-transitional", "virtio-non-transitional") : List.of("virtio");
    }

    /** qemuDomainMachineHasBuiltinIDE: i440FX machines and a few non-x86 boards. */
    static boolean hasBuiltinIde(String machine, String arch) {
        if (machine == null) {
            return false;
        }
        boolean x86 = QemuDomainCaps.isX86(arch);
        boolean i440fx = x86 && (machine.equals("pc") || machine.startsWith("pc-0.") || machine.startsWith("pc-1.")
                || machine.startsWith("pc-i440fx-") || machine.startsWith("rhel"));
        return i440fx || machine.equals("malta") || machine.equals("sun4u") || machine.equals("g3beige");
    }

    private static Element graphics(QemuCaps caps) {
        List<String> types = new ArrayList<>();
        flag(caps, "sdl", "sdl", types);
        flag(caps, "vnc", "vnc", types);
        flag(caps, "spice", "spice", types);
        flag(caps, "egl-headless", "egl-headless", types);
        flag(caps, "display-dbus", "dbus", types);
        return Element.of("graphics", new Enum("type", types));
    }

    private static Element video(QemuCaps caps) {
        List<String> models = new ArrayList<>();
        flag(caps, "VGA", "vga", models);
        flag(caps, "cirrus-vga", "cirrus", models);
        flag(caps, "vmware-svga", "vmvga", models);
        flag(caps, "qxl", "qxl", models);
        flag(caps, "virtio-gpu", "virtio", models);
        models.add("none");
        flag(caps, "bochs-display", "bochs", models);
        flag(caps, "ramfb", "ramfb", models);
        return Element.of("video", new Enum("modelType", models));
    }

    private static Element hostdev(QemuCaps caps, HostFacts host) {
        List<String> subsys = new ArrayList<>();
        for (String usb : List.of("piix3-usb-uhci", "piix4-usb-uhci", "usb-ehci", "ich9-usb-ehci1",
                "vt82c686b-usb-uhci", "pci-ohci", "nec-usb-xhci", "qemu-xhci")) {
            if (caps.has(usb)) {
                subsys.add("usb");
                break;
            }
        }
        subsys.add("pci");
        subsys.add("scsi");
        List<String> backends = host.vfio() && caps.has("vfio-pci") ? List.of("default", "vfio") : List.of();
        return Element.of("hostdev", new Enum("mode", List.of("subsystem")),
                new Enum("startupPolicy", List.of("default", "mandatory", "requisite", "optional")),
                new Enum("subsysType", subsys), new Enum("capsType", List.of()), new Enum("pciBackend", backends));
    }

    private static Element rng(QemuCaps caps) {
        List<String> models = caps.has("virtio-rng") ? virtioModels(caps) : List.of();
        List<String> backends = new ArrayList<>();
        flag(caps, "rng-random", "random", backends);
        flag(caps, "rng-egd", "egd", backends);
        flag(caps, "rng-builtin", "builtin", backends);
        return Element.of("rng", new Enum("model", models), new Enum("backendModel", backends));
    }

    private static Element filesystem(QemuCaps caps) {
        List<String> types = new ArrayList<>(List.of("path", "handle"));
        flag(caps, "vhost-user-fs", "virtiofs", types);
        return Element.of("filesystem", new Enum("driverType", types));
    }

    /** virQEMUCapsFillDomainDeviceTPMCaps: the emulator backend needs swtpm on the host. */
    private static Element tpm(QemuCaps caps, HostFacts host) {
        List<String> models = new ArrayList<>();
        flag(caps, "tpm-tis", "tpm-tis", models);
        flag(caps, "tpm-crb", "tpm-crb", models);
        flag(caps, "tpm-spapr", "tpm-spapr", models);
        flag(caps, "spapr-tpm-proxy", "spapr-tpm-proxy", models);
        if (models.isEmpty()) {
            return Element.unsupported("tpm");
        }
        List<String> backends = new ArrayList<>();
        flag(caps, "tpm-passthrough", "passthrough", backends);
        List<Enum> enums = new ArrayList<>(List.of(new Enum("model", models), new Enum("backendModel", backends)));
        if (host.swtpm()) {
            if (caps.has("tpm-emulator")) {
                backends.add("emulator");
                backends.add("external");
            }
            List<String> versions = new ArrayList<>();
            if (host.tpm12()) {
                versions.add("1.2");
            }
            if (host.tpm20()) {
                versions.add("2.0");
            }
            if (!versions.isEmpty()) {
                enums.add(new Enum("backendVersion", versions));
            }
        }
        enums.set(1, new Enum("backendModel", backends));
        return new Element("tpm", true, List.of(), enums, List.of());
    }

    private static Element redirdev(QemuCaps caps) {
        return caps.has("usb-redir") ? Element.of("redirdev", new Enum("bus", List.of("usb")))
                : Element.unsupported("redirdev");
    }

    private static Element channel(QemuCaps caps) {
        List<String> types = new ArrayList<>(List.of("pty", "unix"));
        flag(caps, "spice", "spicevmc", types);
        return Element.of("channel", new Enum("type", types));
    }

    private static void flag(QemuCaps caps, String flag, String value, List<String> out) {
        if (caps.has(flag)) {
            out.add(value);
        }
    }
}
