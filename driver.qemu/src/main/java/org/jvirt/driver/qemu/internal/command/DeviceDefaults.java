package org.jvirt.driver.qemu.internal.command;

import java.util.Comparator;
import java.util.List;

import org.jvirt.api.VirtException;

/** Per-device defaults of libvirt's device post-parse step (generic and QEMU-specific). */
final class DeviceDefaults {
    private DeviceDefaults() {
    }

    static void apply(QemuDomain d) throws VirtException {
        for (XNode dev : d.devices) {
            XNode a = dev.address();
            if (a != null && "drive".equals(a.attr("type"))) {
                a.setDefault("controller", "0");
                a.setDefault("bus", "0");
                a.setDefault("target", "0");
                a.setDefault("unit", "0");
                Attrs.order(a, "type", "controller", "bus", "target", "unit");
            }
        }
        for (XNode c : d.devices("controller")) {
            controller(d, c);
        }
        for (XNode disk : d.devices("disk")) {
            disk(d, disk);
        }
        for (XNode h : d.devices("hostdev")) {
            if ("subsystem".equals(h.attr("mode", "subsystem"))) {
                h.setDefault("managed", "no");
                if ("mdev".equals(h.attr("type")) && "vfio-pci".equals(h.attr("model"))) {
                    h.setDefault("display", "off");
                }
                Attrs.order(h, "mode", "type", "managed", "model", "display", "ramfb");
            }
        }
        for (XNode fs : d.devices("filesystem")) {
            fs.setDefault("type", "mount");
            if (!"virtiofs".equals(fs.childAttr("driver", "type")) && "mount".equals(fs.attr("type"))) {
                fs.setDefault("accessmode", "passthrough");
            }
            Attrs.order(fs, "type", "accessmode");
        }
        for (XNode n : d.devices("interface")) {
            if (n.child("model") == null && !"hostdev".equals(n.attr("type")) && d.isX86()) {
                n.insertBefore(new XNode("model").set("type", "rtl8139"), "driver", "backend", "bandwidth", "vlan",
                        "port", "link", "mtu", "coalesce", "teaming", "boot", "rom", "alias", "address");
            }
        }
        for (XNode g : d.devices("graphics")) {
            if (g.is("type", "spice") && g.attr("listen") != null && g.child("listen") == null) {
                g.children.add(0, new XNode("listen").set("type", "address").set("address", g.attr("listen")));
            } else if (g.is("type", "spice") && g.child("listen") == null && g.attr("port") != null
                    && !"-1".equals(g.attr("port"))) {
                g.children.add(0, new XNode("listen").set("type", "address"));
            }
            if (g.is("type", "spice") && g.child("listen") == null && g.attr("port") == null
                    && g.attr("tlsPort") == null && !"yes".equals(g.attr("autoport")) && g.attr("listen") == null) {
                // no way to reach the display over the network: libvirt records that as listen type none
                g.attrs.remove("autoport");
                g.children.add(0, new XNode("listen").set("type", "none"));
            }
        }
        for (XNode g : d.devices("graphics")) {
            sortChildren(g, "listen", "channel", "image", "jpeg", "zlib", "playback", "streaming", "mouse",
                    "clipboard", "filetransfer", "gl", "audio");
        }
        video(d);
        chardevs(d);
        for (XNode in : d.devices("input")) {
            String itype = in.attr("type", "");
            if (in.attr("bus") == null && (itype.equals("mouse") || itype.equals("keyboard") || itype.equals("tablet"))) {
                in.set("bus", in.is("type", "tablet") ? "usb" : d.isX86() ? "ps2" : "usb");
            }
        }
        for (XNode w : d.devices("watchdog")) {
            w.setDefault("action", "reset");
            Attrs.order(w, "model", "action");
        }
        for (XNode r : d.devices("rng")) {
            XNode backend = r.child("backend");
            if (backend != null && "random".equals(backend.attr("model")) && backend.text == null) {
                backend.text = "/dev/random";
            }
        }
        for (XNode b : d.devices("memballoon")) {
            b.setDefault("model", "virtio");
        }
        for (XNode p : d.devices("panic")) {
            if (d.isX86()) {
                p.setDefault("model", "isa");
            }
        }
        for (XNode v : d.devices("vsock")) {
            v.setDefault("model", "virtio");
            Attrs.order(v, "model");
        }
    }

    static void controller(QemuDomain d, XNode c) {
        String type = c.attr("type");
        if ("usb".equals(type) && c.attr("model") == null) {
            if (d.isQ35() && d.caps.has("qemu-xhci")) {
                c.set("model", "qemu-xhci");
            } else if (d.isX86() && d.caps.has("piix3-usb-uhci")) {
                c.set("model", "piix3-uhci");
            }
        }
        if ("scsi".equals(type) && (c.attr("model") == null || c.is("model", "auto"))) {
            c.set("model", "lsilogic");
        }
        Attrs.order(c, "type", "index", "model");
    }

    private static void disk(QemuDomain d, XNode disk) {
        disk.setDefault("type", "file");
        disk.setDefault("device", "disk");
        Attrs.order(disk, "type", "device");
        String type = disk.attr("type", "file");
        XNode source = disk.child("source");
        boolean local = type.equals("file") || type.equals("block") || type.equals("dir");
        XNode driver = disk.child("driver");
        if (driver == null && (local || type.equals("network") || type.equals("volume"))) {
            driver = new XNode("driver");
            disk.children.add(0, driver);
        }
        if (driver != null) {
            driver.setDefault("name", "qemu");
            if (driver.attr("type") == null && source != null && (local || type.equals("network"))) {
                driver.set("type", "raw");
            }
            Attrs.order(driver, "name", "type");
        }
        if (source != null && type.equals("network")) {
            String port = switch (source.attr("protocol", "")) {
                case "http" -> "80";
                case "https" -> "443";
                case "ftp" -> "21";
                case "ftps" -> "990";
                case "tftp" -> "69";
                default -> null;
            };
            for (XNode h : source.all("host")) {
                if (port != null && h.attr("port") == null && h.attr("name") != null) {
                    h.set("port", port);
                }
            }
        }
        XNode enc = source == null ? null : source.child("encryption");
        if (enc == null) {
            enc = disk.child("encryption");
        }
        if (enc != null && "luks".equals(enc.attr("format"))) {
            enc.setDefault("engine", "qemu");
            Attrs.order(enc, "format", "engine");
        }
        if ("cdrom".equals(disk.attr("device")) && disk.child("readonly") == null) {
            disk.insertBefore(new XNode("readonly"), "shareable", "transient", "serial", "wwn", "vendor", "product",
                    "encryption", "alias", "address");
        }
        XNode target = disk.child("target");
        if (target != null && "closed".equals(target.attr("tray"))) {
            target.attrs.remove("tray");
        }
        if (target != null && target.attr("bus") == null) {
            String dev = target.attr("dev", "");
            target.set("bus", dev.startsWith("hd") ? "ide" : dev.startsWith("sd") ? "scsi"
                    : dev.startsWith("vd") ? "virtio" : dev.startsWith("fd") ? "fdc" : "ide");
        }
        DriveAddresses.assign(d, disk);
    }

    private static void video(QemuDomain d) {
        List<XNode> videos = d.devices("video");
        if (videos.isEmpty() && !d.devices("graphics").isEmpty()) {
            XNode v = new XNode("video");
            v.children.add(new XNode("model").set("type", d.isX86() && d.caps.has("cirrus-vga") ? "cirrus" : "vga"));
            d.add(v);
            videos = d.devices("video");
        }
        boolean first = true;
        for (XNode v : videos) {
            XNode m = v.child("model");
            if (m == null) {
                m = new XNode("model");
                v.children.add(0, m);
            }
            if (m.attr("type") == null) {
                m.set("type", d.isX86() ? "vga" : "virtio");
            }
            String t = m.attr("type");
            switch (t) {
                case "vga", "cirrus", "vmvga" -> m.setDefault("vram", "16384");
                case "qxl" -> {
                    m.setDefault("ram", "65536");
                    m.setDefault("vram", "65536");
                    m.setDefault("vgamem", "16384");
                }
                default -> {
                }
            }
            if (!t.equals("none")) {
                m.setDefault("heads", "1");
            }
            if ("no".equals(m.attr("primary"))) {
                m.attrs.remove("primary"); // libvirt only ever writes primary='yes'
            }
            if (first && !t.equals("none")) {
                m.setDefault("primary", "yes");
            }
            first = false;
            Attrs.order(m, "type", "ram", "vram", "vram64", "vgamem", "heads", "primary");
        }
    }

    /** Serial ports, consoles and channels: target types, ports, the serial behind console 0. */
    private static void chardevs(QemuDomain d) throws VirtException {
        int port = 0;
        for (XNode s : d.devices("serial")) {
            XNode t = s.child("target");
            if (t == null) {
                t = new XNode("target");
                s.insertBefore(t, "alias", "address");
            }
            if (t.attr("type") == null && d.isX86()) {
                t.set("type", "isa-serial");
            }
            if (t.attr("port") == null) {
                t.set("port", String.valueOf(port));
            }
            port = Integer.parseInt(t.attr("port")) + 1;
            Attrs.order(t, "type", "port");
            if ("isa-serial".equals(t.attr("type")) && t.child("model") == null) {
                t.children.add(new XNode("model").set("name", "isa-serial"));
            }
        }
        List<XNode> consoles = d.devices("console");
        for (int i = 0; i < consoles.size(); i++) {
            XNode c = consoles.get(i);
            XNode t = c.child("target");
            if (t == null) {
                t = new XNode("target");
                c.insertBefore(t, "alias", "address");
            }
            if (t.attr("type") == null) {
                t.set("type", i == 0 && d.isX86() ? "serial" : "virtio");
            }
            if (i == 0 && "serial".equals(t.attr("type"))) {
                t.setDefault("port", "0");
                List<XNode> serials = d.devices("serial");
                if (!serials.isEmpty()) {
                    // console 0 is serial 0 seen from another angle: libvirt formats it from the serial
                    XNode serial = serials.get(0);
                    c.attrs.clear();
                    c.attrs.putAll(serial.attrs);
                    XNode keepTarget = t;
                    c.children.clear();
                    for (XNode ch : serial.children) {
                        if (ch.name.equals("target")) {
                            c.children.add(keepTarget);
                        } else if (!ch.name.equals("alias") && !ch.name.equals("address")) {
                            c.children.add(copy(ch));
                        }
                    }
                    if (!c.children.contains(keepTarget)) {
                        c.children.add(keepTarget);
                    }
                }
                if (d.devices("serial").isEmpty()) {
                    XNode serial = new XNode("serial");
                    serial.attrs.putAll(c.attrs);
                    for (XNode ch : c.children) {
                        if (!ch.name.equals("target")) {
                            serial.children.add(copy(ch));
                        }
                    }
                    XNode st = new XNode("target").set("type", "isa-serial").set("port", "0");
                    st.children.add(new XNode("model").set("name", "isa-serial"));
                    serial.insertBefore(st, "alias", "address");
                    d.add(serial);
                }
            } else if (t.attr("port") == null) {
                t.set("port", String.valueOf(i == 0 ? 0 : i));
            }
            Attrs.order(t, "type", "port");
        }
    }

    /** Children in libvirt's formatting order; unlisted ones keep their place at the end. */
    static void sortChildren(XNode n, String... order) {
        List<String> o = List.of(order);
        n.children.sort(Comparator.comparingInt(c -> o.indexOf(c.name) < 0 ? o.size() : o.indexOf(c.name)));
    }

    static XNode copy(XNode n) {
        XNode c = new XNode(n.name);
        c.attrs.putAll(n.attrs);
        c.text = n.text;
        for (XNode ch : n.children) {
            c.children.add(copy(ch));
        }
        return c;
    }
}
