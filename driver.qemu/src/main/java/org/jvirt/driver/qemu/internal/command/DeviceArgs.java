package org.jvirt.driver.qemu.internal.command;

import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** Input, audio, graphics, video and sound devices. */
final class DeviceArgs {
    private final QemuDomain d;
    private final CommandEnv env;
    private final Map<String, String> vars;

    DeviceArgs(QemuDomain d, CommandEnv env, Map<String, String> vars) {
        this.d = d;
        this.env = env;
        this.vars = vars;
    }

    void display(Argv a) {
        if (d.devices("graphics").isEmpty()) {
            a.add("-display", "none");
        }
    }

    private static void usbBus(XNode dev, Json j) {
        XNode addr = dev.address();
        if (addr != null && "usb".equals(addr.attr("type"))) {
            j.put("bus", "usb." + addr.attr("bus", "0")).put("port", addr.attr("port"));
        }
    }

    void inputs(Argv a) {
        List<XNode> inputs = d.devices("input");
        for (int i = 0; i < inputs.size(); i++) {
            XNode in = inputs.get(i);
            String bus = in.attr("bus");
            String type = in.attr("type");
            Json j = Json.object();
            if ("usb".equals(bus)) {
                String driver = switch (type) {
                    case "mouse" -> "usb-mouse";
                    case "tablet" -> "usb-tablet";
                    case "keyboard" -> "usb-kbd";
                    default -> null;
                };
                if (driver == null) {
                    continue;
                }
                j.put("driver", driver).put("id", "input" + i);
                usbBus(in, j);
            } else if ("virtio".equals(bus)) {
                j.put("driver", "virtio-" + type + "-pci");
                VirtioOptions.put(in, j);
                j.put("id", "input" + i);
                PciBus.put(d, in, j);
            } else {
                continue;
            }
            a.device(j);
        }
    }

    void audio(Argv a) {
        AudioArgs.audiodevs(d, a, vars, env);
    }

    private String audioId() {
        List<XNode> au = d.devices("audio");
        return au.isEmpty() ? null : "audio" + au.get(0).attr("id", "1");
    }

    void graphics(Argv a) throws VirtException {
        for (XNode g : d.devices("graphics")) {
            switch (g.attr("type")) {
                case "vnc" -> vnc(a, g);
                case "sdl" -> {
                    if (g.attr("xauth") != null) {
                        vars.put("XAUTHORITY", g.attr("xauth"));
                    }
                    if (g.attr("display") != null) {
                        vars.put("DISPLAY", g.attr("display"));
                    }
                    StringBuilder s = new StringBuilder("sdl");
                    XNode gl = g.child("gl");
                    if (gl != null && gl.attr("enable") != null) {
                        s.append(",gl=").append("yes".equals(gl.attr("enable")) ? "on" : "off");
                    }
                    a.add("-display", s.toString());
                }
                case "spice" -> spice(a, g);
                case "egl-headless" -> {
                    String node = g.childAttr("gl", "rendernode");
                    if (node == null) {
                        node = env.host().drmRenderNode();
                    }
                    a.add("-display", "egl-headless,rendernode=" + Argv.commas(node));
                }
                default -> throw QemuErrors.unsupported("unsupported graphics type '" + g.attr("type") + "'");
            }
        }
    }

    private void vnc(Argv a, XNode g) {
        StringBuilder v = new StringBuilder();
        XNode listen = g.child("listen");
        String ltype = listen == null ? "address" : listen.attr("type", "address");
        if ("socket".equals(ltype)) {
            String path = listen.attr("socket");
            if (path == null) {
                path = env.domainDir(d.def.id(), d.def.name()) + "/vnc.sock";
            }
            v.append("vnc=unix:").append(Argv.commas(path));
        } else if ("none".equals(ltype)) {
            v.append("none");
        } else {
            String addr = g.attr("listen");
            if (addr == null && listen != null) {
                addr = listen.attr("address");
            }
            if (addr == null) {
                addr = "127.0.0.1";
            }
            if (addr.contains(":")) {
                addr = "[" + addr + "]";
            }
            int port = Integer.parseInt(g.attr("port", "-1"));
            if (port < 0 || "yes".equals(g.attr("autoport"))) {
                port = env.host().vncPort();
            }
            v.append(addr).append(':').append(port - 5900);
            if (g.attr("websocket") != null) {
                v.append(",websocket=").append(g.attr("websocket"));
            }
        }
        if (g.attr("sharePolicy") != null) {
            v.append(",share=").append(g.attr("sharePolicy"));
        }
        if ("yes".equals(g.attr("powerControl"))) {
            v.append(",power-control=on");
        }
        if (g.attr("passwd") != null) {
            v.append(",password=on");
        }
        String au = g.child("audio") != null ? "audio" + g.childAttr("audio", "id") : audioId();
        if (au != null) {
            v.append(",audiodev=").append(au);
        }
        a.add("-vnc", v.toString());
        if (g.attr("keymap") != null) {
            a.add("-k", g.attr("keymap"));
        }
    }

    /** qemuBuildGraphicsSPICECommandLine, with spice_tls enabled as in libvirt's test setup. */
    private void spice(Argv a, XNode g) {
        StringBuilder s = new StringBuilder();
        XNode listen = g.child("listen");
        String ltype = listen == null ? "address" : listen.attr("type", "address");
        int port = Integer.parseInt(g.attr("port", "-1"));
        int tlsPort = Integer.parseInt(g.attr("tlsPort", "-1"));
        if ("yes".equals(g.attr("autoport")) && port < 0) {
            port = env.host().spicePort();
        }
        if (ltype.equals("none")) {
            s.append("port=0");
        } else if (ltype.equals("socket")) {
            String path = listen.attr("socket");
            if (path == null) {
                path = env.domainDir(d.def.id(), d.def.name()) + "/spice.sock";
            }
            s.append("unix=on,addr=").append(Argv.commas(path));
        } else {
            if (port > 0) {
                s.append("port=").append(port);
            }
            if (tlsPort > 0) {
                s.append(s.length() > 0 ? "," : "").append("tls-port=").append(tlsPort);
            }
            String addr = g.attr("listen");
            if (addr == null && listen != null) {
                addr = listen.attr("address");
            }
            if (addr == null && (port > 0 || tlsPort > 0)) {
                addr = "127.0.0.1";
            }
            if (addr != null) {
                s.append(",addr=").append(addr);
            }
        }
        XNode mouse = g.child("mouse");
        if (mouse != null && mouse.attr("mode") != null) {
            s.append(",agent-mouse=").append("client".equals(mouse.attr("mode")) ? "on" : "off");
        }
        if (tlsPort > 0) {
            s.append(",x509-dir=/etc/pki/libvirt-spice");
        }
        String defaultMode = g.attr("defaultMode");
        if ("secure".equals(defaultMode)) {
            s.append(",tls-channel=default");
        } else if ("insecure".equals(defaultMode)) {
            s.append(",plaintext-channel=default");
        }
        for (XNode ch : g.all("channel")) {
            if ("secure".equals(ch.attr("mode"))) {
                s.append(",tls-channel=").append(ch.attr("name"));
            } else if ("insecure".equals(ch.attr("mode"))) {
                s.append(",plaintext-channel=").append(ch.attr("name"));
            }
        }
        compression(s, g, "image", "image-compression");
        compression(s, g, "jpeg", "jpeg-wan-compression");
        compression(s, g, "zlib", "zlib-glz-wan-compression");
        compression(s, g, "playback", "playback-compression");
        XNode streaming = g.child("streaming");
        if (streaming != null && streaming.attr("mode") != null) {
            s.append(",streaming-video=").append(streaming.attr("mode"));
        }
        XNode clip = g.child("clipboard");
        if (clip != null && "no".equals(clip.attr("copypaste"))) {
            s.append(",disable-copy-paste=on");
        }
        XNode ft = g.child("filetransfer");
        if (ft != null && "no".equals(ft.attr("enable"))) {
            s.append(",disable-agent-file-xfer=on");
        }
        XNode gl = g.child("gl");
        if (gl != null && "yes".equals(gl.attr("enable"))) {
            s.append(",gl=on");
            String node = gl.attr("rendernode");
            if (node == null) {
                node = env.host().drmRenderNode();
            }
            s.append(",rendernode=").append(Argv.commas(node));
        }
        s.append(",seamless-migration=on");
        a.add("-spice", s.charAt(0) == ',' ? s.substring(1) : s.toString());
    }

    private static void compression(StringBuilder s, XNode g, String child, String option) {
        XNode c = g.child(child);
        if (c != null && c.attr("compression") != null) {
            s.append(',').append(option).append('=').append(c.attr("compression"));
        }
    }

    void videos(Argv a) {
        List<XNode> videos = d.devices("video");
        for (int i = 0; i < videos.size(); i++) {
            XNode v = videos.get(i);
            XNode m = v.child("model");
            String type = m.attr("type");
            boolean primary = "yes".equals(m.attr("primary"));
            Json j = Json.object();
            switch (type) {
                case "vga" -> j.put("driver", "VGA").put("id", "video" + i)
                        .put("vgamem_mb", Attrs.intAttr(m, "vram", 16384) / 1024);
                case "cirrus" -> j.put("driver", "cirrus-vga").put("id", "video" + i);
                case "vmvga" -> j.put("driver", "vmware-svga").put("id", "video" + i)
                        .put("vgamem_mb", Attrs.intAttr(m, "vram", 16384) / 1024);
                case "qxl" -> j.put("driver", primary ? "qxl-vga" : "qxl").put("id", "video" + i)
                        .put("max_outputs", Attrs.intAttr(m, "heads", 1))
                        .put("ram_size", Attrs.intAttr(m, "ram", 65536) * 1024L)
                        .put("vram_size", Attrs.intAttr(m, "vram", 65536) * 1024L)
                        .put("vram64_size_mb", Attrs.intAttr(m, "vram64", 0) / 1024)
                        .put("vgamem_mb", Attrs.intAttr(m, "vgamem", 16384) / 1024);
                case "virtio" -> j.put("driver", primary ? "virtio-vga" : "virtio-gpu-pci").put("id", "video" + i);
                case "bochs" -> j.put("driver", "bochs-display").put("id", "video" + i);
                case "ramfb" -> j.put("driver", "ramfb").put("id", "video" + i);
                default -> {
                    continue;
                }
            }
            PciBus.put(d, v, j);
            a.device(j);
        }
    }

    void sounds(Argv a) {
        List<XNode> sounds = d.devices("sound");
        for (int i = 0; i < sounds.size(); i++) {
            XNode s = sounds.get(i);
            String model = s.attr("model");
            if ("pcspk".equals(model)) {
                continue; // the PC speaker is part of the machine (-machine pcspk-audiodev=)
            }
            Json j = Json.object();
            switch (model) {
                case "ac97" -> j.put("driver", "AC97");
                case "es1370" -> j.put("driver", "ES1370");
                case "ich6" -> j.put("driver", "intel-hda");
                case "ich9" -> j.put("driver", "ich9-intel-hda");
                case "sb16" -> j.put("driver", "sb16");
                case "pcspk" -> j.put("driver", "pcspk");
                default -> j.put("driver", model);
            }
            j.put("id", "sound" + i);
            String au = s.child("audio") != null ? "audio" + s.childAttr("audio", "id") : audioId();
            if (!model.startsWith("ich")) {
                j.put("audiodev", au);
            }
            PciBus.put(d, s, j);
            a.device(j);
            if (model.equals("ich6") || model.equals("ich9")) {
                a.device(Json.object().put("driver", "hda-duplex").put("id", "sound" + i + "-codec0")
                        .put("bus", "sound" + i + ".0").put("cad", 0).put("audiodev", au));
            }
        }
    }
}
