package org.jvirt.driver.xen.internal;

import java.util.List;

import org.jvirt.api.VirtException;

/** libvirt's xenParseXL: xl.cfg into a domain element ({@link Node}). */
final class XlReader {

    Node read(Conf conf) throws VirtException {
        Node dom = new Node("domain").attr("type", "xen");
        new CommonReader().read(conf, dom, NativeFormats.XL);
        Node devices = dom.child("devices");
        boolean hvm = CommonReader.hvm(dom);
        OsReader.xl(conf, dom);
        vnuma(conf, dom);
        long events = conf.number("max_event_channels", 0);
        long frames = conf.number("max_grant_frames", 0);
        if (events > 0 || frames > 0) {
            devices.add("controller").attr("type", "xenbus").attr("index", 0)
                    .attr("maxEventChannels", events > 0 ? events : null)
                    .attr("maxGrantFrames", frames > 0 ? frames : null);
        }
        cpuid(conf, dom);
        new XlDiskReader().read(conf, devices, hvm);
        if (hvm) {
            spice(conf, devices);
            for (String dev : conf.strings("usbdevice")) {
                if (List.of("mouse", "tablet", "keyboard").contains(dev)) {
                    devices.add("input").attr("type", dev).attr("bus", "usb");
                }
            }
        }
        usb(conf, devices);
        channels(conf, devices);
        List<String> args = conf.strings("device_model_args");
        if (!args.isEmpty()) {
            dom.attr("xmlns:xen", "http://libvirt.org/schemas/domain/xen/1.0");
            Node cmd = dom.add("xen:commandline");
            args.forEach(a -> cmd.add("xen:arg").attr("value", a));
        }
        return dom;
    }

    private static void vnuma(Conf conf, Node dom) throws VirtException {
        List<?> nodes = conf.list("vnuma");
        if (nodes.isEmpty()) {
            return;
        }
        Node numa = dom.childOrAdd("cpu").add("numa");
        for (int i = 0; i < nodes.size(); i++) {
            if (!(nodes.get(i) instanceof List<?> items)) {
                throw XenErrors.conf("vnuma entry " + i + " is not a list");
            }
            Node cell = new Node("cell").attr("id", i);
            Node distances = null;
            for (Object item : items) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                String key = eq < 0 ? s : s.substring(0, eq);
                String value = eq < 0 ? "" : s.substring(eq + 1);
                switch (key) {
                    case "vcpus" -> cell.attr("cpus", value);
                    case "size" -> cell.attr("memory", Long.parseLong(value) * 1024).attr("unit", "KiB");
                    case "vdistances" -> {
                        distances = new Node("distances");
                        String[] d = value.split(",");
                        for (int j = 0; j < d.length; j++) {
                            distances.add("sibling").attr("id", j).attr("value", d[j]);
                        }
                    }
                    case "pnode" -> {
                    }
                    default -> throw XenErrors.conf("Invalid vnuma configuration for vnode " + i);
                }
            }
            if (distances != null) {
                cell.children.add(distances);
            }
            numa.children.add(cell);
        }
    }

    private static void cpuid(Conf conf, Node dom) throws VirtException {
        String cpuid = conf.string("cpuid", null);
        if (cpuid == null) {
            return;
        }
        String[] tokens = cpuid.split(",");
        if (!tokens[0].equals("host")) {
            throw XenErrors.conf("cpuid starting with " + tokens[0] + " is not supported, only libxl format is");
        }
        Node cpu = dom.childOrAdd("cpu").attr("mode", "host-passthrough");
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq < 0) {
                throw XenErrors.conf("Invalid cpuid specification: '" + tokens[i] + "'");
            }
            String policy = switch (tokens[i].substring(eq + 1)) {
                case "1" -> "force";
                case "0" -> "disable";
                case "x" -> "optional";
                default -> null;   // k and s: libvirt has no such policy
            };
            if (policy != null) {
                cpu.add("feature").attr("policy", policy).attr("name",
                        CpuFeatureNames.toLibvirt(tokens[i].substring(0, eq)));
            }
        }
    }

    private static void spice(Conf conf, Node devices) throws VirtException {
        if (conf.bool("spice", 0) != 1) {
            return;
        }
        Node g = devices.add("graphics").attr("type", "spice");
        long port = conf.number("spiceport", 0);
        long tls = conf.number("spicetls_port", 0);
        g.attr("port", port > 0 ? port : null).attr("tlsPort", tls > 0 ? tls : null)
                .attr("autoport", port > 0 || tls > 0 ? "no" : "yes");
        if (conf.bool("spicedisable_ticketing", 0) == 0) {
            String passwd = conf.string("spicepasswd", null);
            if (passwd == null) {
                throw XenErrors.conf("config value spicepasswd was missing");
            }
            g.attr("passwd", passwd);
        }
        String host = conf.string("spicehost", null);
        if (host != null) {
            g.add("listen").attr("type", "address").attr("address", host);
        }
        g.add("mouse").attr("mode", conf.bool("spiceagent_mouse", 0) == 1 ? "client" : "server");
        g.add("clipboard").attr("copypaste", conf.bool("spice_clipboard_sharing", 0) == 1 ? "yes" : "no");
    }

    private static void usb(Conf conf, Node devices) throws VirtException {
        for (String entry : conf.strings("usbdev")) {
            String bus = null;
            String addr = null;
            for (String pair : entry.split(",")) {
                if (pair.startsWith("hostbus=")) {
                    bus = pair.substring(8);
                } else if (pair.startsWith("hostaddr=")) {
                    addr = pair.substring(9);
                }
            }
            if (bus == null || addr == null) {
                throw XenErrors.conf("Malformed USB device " + entry);
            }
            devices.add("hostdev").attr("mode", "subsystem").attr("type", "usb").attr("managed", "no")
                    .add("source").add("address").attr("bus", Integer.parseInt(bus, 16))
                    .attr("device", Integer.parseInt(addr, 16));
        }
        for (String entry : conf.strings("usbctrl")) {
            String type = null;
            String version = null;
            String ports = null;
            for (String pair : entry.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    switch (pair.substring(0, eq)) {
                        case "type" -> type = pair.substring(eq + 1);
                        case "version" -> version = pair.substring(eq + 1);
                        case "ports" -> ports = pair.substring(eq + 1);
                        default -> {
                        }
                    }
                }
            }
            String model = type == null || version == null ? null : "qusb".equals(type) ? "qusb" + version : null;
            devices.add("controller").attr("type", "usb").attr("model", model)
                    .attr("ports", ports == null ? null : Integer.parseInt(ports, 16));
        }
    }

    private static void channels(Conf conf, Node devices) {
        for (String entry : conf.strings("channel")) {
            String type = "";
            String name = null;
            String path = null;
            for (String pair : entry.split(",")) {
                String p = pair.strip();
                if (p.startsWith("connection=")) {
                    type = p.substring(11);
                } else if (p.startsWith("name=")) {
                    name = p.substring(5);
                } else if (p.startsWith("path=")) {
                    path = p.substring(5);
                }
            }
            Node ch;
            if (type.startsWith("socket")) {
                ch = devices.add("channel").attr("type", "unix");
                ch.add("source").attr("mode", "bind").attr("path", path);
            } else if (type.startsWith("pty")) {
                ch = devices.add("channel").attr("type", "pty");
            } else {
                continue;   // libvirt skips other connection types
            }
            ch.add("target").attr("type", "xen").attr("name", name);
        }
    }
}
