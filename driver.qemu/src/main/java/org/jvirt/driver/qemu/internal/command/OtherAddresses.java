package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** USB port and virtio-serial port assignment for devices that have no address yet. */
final class OtherAddresses {
    private OtherAddresses() {
    }

    static void assign(QemuDomain d) {
        virtioSerial(d);
    }

    /**
     * USB ports for devices without one. libvirt keeps them out of the persistent definition and
     * assigns them when it builds the command line, so this runs on the command-line copy only.
     */
    static void usb(QemuDomain d) {
        XNode usb = d.controller("usb", 0);
        if (usb == null || usb.is("model", "none")) {
            return;
        }
        Set<String> taken = new HashSet<>();
        for (XNode dev : d.devices) {
            XNode a = dev.address();
            if (a != null && "usb".equals(a.attr("type")) && a.attr("port") != null) {
                taken.add(a.attr("port"));
            }
        }
        int rootPorts = switch (usb.attr("model", "")) {
            case "piix3-uhci", "piix4-uhci", "ich9-uhci1", "ich9-uhci2", "ich9-uhci3", "vt82c686b-uhci" -> 2;
            case "ehci", "ich9-ehci1" -> 6;
            case "pci-ohci" -> 3;
            default -> usb.attr("ports") != null ? Integer.parseInt(usb.attr("ports")) : 4;
        };
        // hubs first, then the other USB devices in libvirt's device order
        List<XNode> hubs = d.devices("hub", h -> "usb".equals(h.attr("type")));
        List<XNode> order = new ArrayList<>(hubs);
        for (XNode disk : d.devices("disk")) {
            if ("usb".equals(disk.childAttr("target", "bus"))) {
                order.add(disk);
            }
        }
        order.addAll(d.devices("interface", n -> "usb-net".equals(n.childAttr("model", "type"))));
        for (XNode c : d.controllers("ccid")) {
            order.add(c);
        }
        order.addAll(d.devices("input", i -> "usb".equals(i.attr("bus"))));
        order.addAll(d.devices("sound", s -> "usb".equals(s.attr("model"))));
        order.addAll(d.devices("hostdev", h -> "usb".equals(h.attr("type"))));
        order.addAll(d.devices("redirdev", r -> "usb".equals(r.attr("bus"))));
        List<String> hubPorts = new ArrayList<>();
        for (XNode dev : order) {
            XNode a = dev.address();
            if (a != null && a.attr("port") != null) {
                if (dev.name.equals("hub")) {
                    hubPorts.add(a.attr("port"));
                }
                continue;
            }
            String port = null;
            for (int p = 1; p <= rootPorts && port == null; p++) {
                if (!taken.contains(Integer.toString(p))) {
                    port = Integer.toString(p);
                }
            }
            for (int h = 0; h < hubPorts.size() && port == null; h++) {
                for (int p = 1; p <= 8 && port == null; p++) {
                    String cand = hubPorts.get(h) + "." + p;
                    if (!taken.contains(cand)) {
                        port = cand;
                    }
                }
            }
            if (port == null) {
                continue;
            }
            taken.add(port);
            if (dev.name.equals("hub")) {
                hubPorts.add(port);
            }
            if (a == null) {
                a = new XNode("address");
                dev.children.add(a);
            }
            a.attrs.clear();
            a.set("type", "usb").set("bus", "0").set("port", port);
        }
    }

    private static void virtioSerial(QemuDomain d) {
        Set<Integer> taken = new HashSet<>();
        for (XNode dev : d.devices) {
            XNode a = dev.address();
            if (a != null && "virtio-serial".equals(a.attr("type")) && a.attr("port") != null) {
                taken.add(Integer.parseInt(a.attr("port")));
            }
        }
        // virtio consoles get no address: virtconsole finds its own port on the first bus
        for (String kind : new String[] {"channel"}) {
            for (XNode dev : d.devices(kind)) {
                if (!"virtio".equals(dev.childAttr("target", "type"))) {
                    continue;
                }
                if (dev.address() != null && dev.address().attr("port") != null) {
                    continue;
                }
                int port = kind.equals("console") && !taken.contains(0) ? 0 : 1;
                while (taken.contains(port)) {
                    port++;
                }
                taken.add(port);
                XNode a = dev.address();
                if (a == null) {
                    a = new XNode("address");
                    dev.children.add(a);
                }
                a.attrs.clear();
                List<XNode> ctrls = d.controllers("virtio-serial");
                String ctrl = ctrls.isEmpty() ? "0" : ctrls.get(0).attr("index", "0");
                a.set("type", "virtio-serial").set("controller", ctrl).set("bus", "0").set("port", String.valueOf(port));
            }
        }
    }
}
