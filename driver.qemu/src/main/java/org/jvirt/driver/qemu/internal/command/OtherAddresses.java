package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Hub;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Redirdev;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.Sound;

/** USB port and virtio-serial port assignment for devices that have no address yet. */
final class OtherAddresses {
    /** The USB devices in the order libvirt gives them ports: hubs first, then by kind. */
    private static final List<Predicate<Device>> USB_ORDER = List.of(
            dev -> dev instanceof Hub h && "usb".equals(h.type()),
            dev -> dev instanceof Disk disk && "usb".equals(disk.targetBus()),
            dev -> dev instanceof NetInterface n && "usb-net".equals(n.modelType()),
            dev -> dev instanceof Controller c && "ccid".equals(c.type()),
            dev -> dev instanceof Input in && "usb".equals(in.bus()),
            dev -> dev instanceof Sound s && "usb".equals(s.model()),
            dev -> dev instanceof Hostdev h && "usb".equals(h.type()),
            dev -> dev instanceof Redirdev r && "usb".equals(r.bus()));

    private OtherAddresses() {
    }

    static void assign(DomainDraft d) {
        virtioSerial(d);
    }

    /**
     * USB ports for devices without one. libvirt keeps them out of the persistent definition and
     * assigns them when it builds the command line, so this runs on the command-line copy only.
     */
    static DomainDef usb(DomainDef def) {
        List<Device> all = new ArrayList<>(def.devices().all());
        Controller usb = def.devices().controllers().stream().filter(c -> "usb".equals(c.type()) && c.index() == 0)
                .findFirst().orElse(null);
        if (usb == null || "none".equals(usb.model())) {
            return def;
        }
        Set<String> taken = new HashSet<>();
        for (Device dev : all) {
            Address a = dev.info().address();
            if (a != null && a.is("usb") && a.usbPort() != null) {
                taken.add(a.usbPort());
            }
        }
        int rootPorts = switch (usb.model() == null ? "" : usb.model()) {
            case "piix3-uhci", "piix4-uhci", "ich9-uhci1", "ich9-uhci2", "ich9-uhci3", "vt82c686b-uhci" -> 2;
            case "ehci", "ich9-ehci1" -> 6;
            case "pci-ohci" -> 3;
            default -> usb.ports() != null ? usb.ports() : 4;
        };
        List<String> hubPorts = new ArrayList<>();
        for (int i : usbDevicesInOrder(all)) {
            Device dev = all.get(i);
            Address a = dev.info().address();
            if (a != null && hasPort(a)) {
                if (dev instanceof Hub && a.usbPort() != null) {
                    hubPorts.add(a.usbPort());
                }
                continue;
            }
            String port = freePort(taken, rootPorts, hubPorts);
            if (port == null) {
                continue;
            }
            taken.add(port);
            if (dev instanceof Hub) {
                hubPorts.add(port);
            }
            all.set(i, dev.withInfo(dev.info().withAddress(Address.builder().type("usb").bus(0).usbPort(port)
                    .other(childrenOf(a)).build())));
        }
        return def.withDevices(def.devices().withAll(all));
    }

    /** The first free root port, else the first free port of a hub (eight each), or null. */
    private static String freePort(Set<String> taken, int rootPorts, List<String> hubPorts) {
        for (int p = 1; p <= rootPorts; p++) {
            if (!taken.contains(Integer.toString(p))) {
                return Integer.toString(p);
            }
        }
        for (String hub : hubPorts) {
            for (int p = 1; p <= 8; p++) {
                String cand = hub + "." + p;
                if (!taken.contains(cand)) {
                    return cand;
                }
            }
        }
        return null;
    }

    /** Positions in {@code all} of the USB devices, in {@link #USB_ORDER}. */
    private static List<Integer> usbDevicesInOrder(List<Device> all) {
        List<Integer> order = new ArrayList<>();
        for (Predicate<Device> kind : USB_ORDER) {
            for (int i = 0; i < all.size(); i++) {
                if (kind.test(all.get(i))) {
                    order.add(i);
                }
            }
        }
        return order;
    }

    /** Whether an address already names a port (a USB port, or a virtio-serial one). */
    private static boolean hasPort(Address a) {
        return a.usbPort() != null || a.port() != null;
    }

    /** The child elements an address kept verbatim; its attributes give way to the new ones. */
    private static Preserved childrenOf(Address a) {
        return a == null ? Preserved.NONE : new Preserved(List.of(), a.other().children());
    }

    /** virtio-serial ports for virtio channels (virtio consoles find their own port on bus 0). */
    private static void virtioSerial(DomainDraft d) {
        Set<Integer> taken = new HashSet<>();
        for (Device dev : d.devices()) {
            Address a = dev.info().address();
            if (a != null && a.is("virtio-serial") && a.port() != null) {
                taken.add(a.port());
            }
        }
        List<Controller> ctrls = d.controllers("virtio-serial");
        int ctrl = ctrls.isEmpty() ? 0 : ctrls.get(0).index();
        for (CharDevice dev : d.devices(CharDevice.class, c -> c.elementName().equals("channel"))) {
            Address a = dev.info().address();
            if (dev.target() == null || !"virtio".equals(dev.target().type()) || a != null && hasPort(a)) {
                continue;
            }
            int port = 1;
            while (taken.contains(port)) {
                port++;
            }
            taken.add(port);
            d.replace(dev, dev.withInfo(dev.info().withAddress(Address.builder().type("virtio-serial")
                    .controller(ctrl).bus(0).port(port).other(childrenOf(a)).build())));
        }
    }
}
