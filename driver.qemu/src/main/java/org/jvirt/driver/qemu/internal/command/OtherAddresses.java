package org.jvirt.driver.qemu.internal.command;

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
                taken.add(a.attr("bus", "0") + ":" + a.attr("port"));
            }
        }
        int next = 1;
        for (XNode dev : d.devices) {
            boolean isUsb = switch (dev.name) {
                case "input" -> "usb".equals(dev.attr("bus"));
                case "hub", "redirdev" -> "usb".equals(dev.attr("type")) || "usb".equals(dev.attr("bus"));
                case "disk" -> "usb".equals(dev.childAttr("target", "bus"));
                case "sound" -> "usb".equals(dev.attr("model"));
                case "smartcard" -> true;
                default -> false;
            };
            if (!isUsb || (dev.address() != null && dev.address().attr("port") != null)) {
                continue;
            }
            while (taken.contains("0:" + next)) {
                next++;
            }
            taken.add("0:" + next);
            XNode a = dev.address();
            if (a == null) {
                a = new XNode("address");
                dev.children.add(a);
            }
            a.attrs.clear();
            a.set("type", "usb").set("bus", "0").set("port", String.valueOf(next));
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
        for (String kind : new String[] {"console", "channel"}) {
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
