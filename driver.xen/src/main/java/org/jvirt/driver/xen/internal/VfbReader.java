package org.jvirt.driver.xen.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;

/** libvirt's xenParseVfb: HVM {@code vnc}/{@code sdl} settings, or the PV {@code vfb} entry. */
final class VfbReader {

    void read(Conf conf, Node dom, Node devices) throws VirtException {
        if (CommonReader.hvm(dom)) {
            if (conf.bool("vnc", 0) == 1) {
                vnc(devices, conf.bool("vncunused", 1) == 1, conf.number("vncdisplay", 0),
                        conf.string("vnclisten", null), conf.string("vncpasswd", null), conf.string("keymap", null));
            } else if (conf.bool("sdl", 0) == 1) {
                sdl(devices, conf.string("display", null), conf.string("xauthority", null));
            }
            return;
        }
        List<String> vfbs = conf.strings("vfb");
        if (vfbs.isEmpty()) {
            return;
        }
        Map<String, String> keys = new HashMap<>();
        for (String pair : vfbs.get(0).split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                keys.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
            }
        }
        if ("sdl".equals(keys.get("type"))) {
            sdl(devices, keys.get("display"), keys.get("xauthority"));
        } else {
            long display = keys.containsKey("vncdisplay") ? Long.parseLong(keys.get("vncdisplay")) : 0;
            vnc(devices, !"0".equals(keys.getOrDefault("vncunused", "1")), display, keys.get("vnclisten"),
                    keys.get("vncpasswd"), keys.get("keymap"));
        }
    }

    private static void vnc(Node devices, boolean unused, long display, String listen, String passwd,
            String keymap) {
        Node g = devices.add("graphics").attr("type", "vnc");
        g.attr("port", unused ? -1 : 5900 + display).attr("autoport", unused ? "yes" : "no");
        g.attr("keymap", keymap).attr("passwd", passwd);
        if (listen != null) {
            g.add("listen").attr("type", "address").attr("address", listen);
        }
    }

    private static void sdl(Node devices, String display, String xauth) {
        devices.add("graphics").attr("type", "sdl").attr("display", display).attr("xauth", xauth);
    }
}
