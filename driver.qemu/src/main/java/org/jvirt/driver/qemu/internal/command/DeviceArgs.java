package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** Controllers, NICs, input, audio, graphics, video, sound, watchdog, balloon and RNG devices. */
final class DeviceArgs {
    private final QemuDomain d;
    private final CommandEnv env;
    private final Map<String, String> vars;
    private final BootIndex boot;

    DeviceArgs(QemuDomain d, CommandEnv env, Map<String, String> vars) {
        this.d = d;
        this.env = env;
        this.vars = vars;
        this.boot = new BootIndex(d);
    }

    void display(Argv a) {
        if (d.devices("graphics").isEmpty()) {
            a.add("-display", "none");
        }
    }

    /** 9p filesystems: an {@code -fsdev} plus a virtio-9p device each. */
    void filesystems(Argv a) {
        List<XNode> fss = d.devices("filesystem");
        for (int i = 0; i < fss.size(); i++) {
            XNode fs = fss.get(i);
            String driverType = fs.childAttr("driver", "type");
            if ("virtiofs".equals(driverType) || !"mount".equals(fs.attr("type", "mount"))) {
                continue;
            }
            boolean handle = "handle".equals(driverType);
            StringBuilder f = new StringBuilder(handle ? "handle" : "local");
            if (!handle) {
                String mode = fs.attr("accessmode", "passthrough");
                f.append(",security_model=").append(mode.equals("squash") ? "none" : mode);
            }
            if (fs.childAttr("driver", "wrpolicy") != null) {
                f.append(",writeout=").append(fs.childAttr("driver", "wrpolicy"));
            }
            if (fs.attr("multidevs") != null) {
                f.append(",multidevs=").append(fs.attr("multidevs"));
            }
            f.append(",id=fsdev-fs").append(i).append(",path=").append(Argv.commas(fs.childAttr("source", "dir")));
            if (fs.child("readonly") != null) {
                f.append(",readonly=on");
            }
            a.add("-fsdev", f.toString());
            Json j = Json.object().put("driver", "virtio-9p-pci");
            VirtioOptions.put(fs, j);
            j.put("id", "fs" + i).put("fsdev", "fsdev-fs" + i).put("mount_tag", fs.childAttr("target", "dir"));
            PciBus.put(d, fs, j);
            a.device(j);
        }
    }

    void interfaces(Argv a) throws VirtException {
        List<XNode> nets = d.devices("interface");
        for (int i = 0; i < nets.size(); i++) {
            XNode n = nets.get(i);
            String type = n.attr("type");
            if ("hostdev".equals(type)) {
                continue; // a PCI host device: emitted with the hostdevs
            }
            Json netdev = Json.object();
            String model0 = n.childAttr("model", "type");
            boolean vhost = "virtio".equals(model0) && !"qemu".equals(n.childAttr("driver", "name"));
            switch (type) {
                case "user" -> {
                    netdev.put("type", "user");
                    for (XNode ip : n.all("ip")) {
                        if ("ipv6".equals(ip.attr("family"))) {
                            netdev.put("ipv6-prefix", ip.attr("address"));
                            if (ip.attr("prefix") != null) {
                                netdev.put("ipv6-prefixlen", Integer.parseInt(ip.attr("prefix")));
                            }
                        } else if (ip.attr("address") != null) {
                            netdev.put("net", ip.attr("address") + (ip.attr("prefix") == null ? "" : "/" + ip.attr("prefix")));
                        }
                    }
                }
                case "ethernet", "bridge", "network" -> {
                    String ifname = n.childAttr("target", "dev") == null ? "vnet" + i : n.childAttr("target", "dev");
                    env.fds().tapNetdev(type, n.childAttr("source", "bridge"), ifname, vhost).forEach(netdev::put);
                }
                default -> throw QemuErrors.unsupported("network interface type '" + type + "' is not supported");
            }
            netdev.put("id", "hostnet" + i);
            a.add("-netdev", netdev.toString());
            String model = n.childAttr("model", "type");
            String driver = switch (model == null ? "rtl8139" : model) {
                case "virtio" -> "virtio-net-pci";
                default -> model == null ? "rtl8139" : model;
            };
            Json j = Json.object().put("driver", driver);
            if ("virtio".equals(model)) {
                VirtioOptions.put(n, j);
                XNode drv = n.child("driver");
                if (drv != null) {
                    String tx = drv.attr("txmode");
                    if (tx != null) {
                        j.put("tx", tx.equals("iothread") ? "bh" : tx);
                    }
                    if (drv.attr("ioeventfd") != null) {
                        j.put("ioeventfd", "on".equals(drv.attr("ioeventfd")));
                    }
                    if (drv.attr("event_idx") != null) {
                        j.put("event_idx", "on".equals(drv.attr("event_idx")));
                    }
                    if (drv.attr("rx_queue_size") != null) {
                        j.put("rx_queue_size", Integer.parseInt(drv.attr("rx_queue_size")));
                    }
                    if (drv.attr("tx_queue_size") != null) {
                        j.put("tx_queue_size", Integer.parseInt(drv.attr("tx_queue_size")));
                    }
                    if (drv.attr("rss") != null) {
                        j.put("rss", "on".equals(drv.attr("rss")));
                    }
                    if (drv.attr("rss_hash_report") != null) {
                        j.put("hash", "on".equals(drv.attr("rss_hash_report")));
                    }
                }
            }
            j.put("netdev", "hostnet" + i).put("id", "net" + i)
                    .put("mac", n.childAttr("mac", "address")).put("bootindex", boot.of(n));
            if ("usb-net".equals(model)) {
                usbBus(n, j);
            } else {
                PciBus.put(d, n, j);
            }
            a.device(j);
        }
    }

    private static void usbBus(XNode dev, Json j) {
        XNode addr = dev.address();
        if (addr != null && "usb".equals(addr.attr("type"))) {
            j.put("bus", "usb." + addr.attr("bus", "0")).put("port", addr.attr("port"));
        }
    }

    /** The IOMMU device (intel-iommu; virtio-iommu goes with the PCI devices). */
    void iommu(Argv a) {
        for (XNode iommu : d.devices("iommu")) {
            if (!"intel".equals(iommu.attr("model"))) {
                continue;
            }
            Json j = Json.object().put("driver", "intel-iommu").put("id", "iommu0");
            XNode drv = iommu.child("driver");
            if (drv != null) {
                j.put("intremap", drv.attr("intremap"));
                if (drv.attr("caching_mode") != null) {
                    j.put("caching-mode", "on".equals(drv.attr("caching_mode")));
                }
                j.put("eim", drv.attr("eim"));
                if (drv.attr("iotlb") != null) {
                    j.put("device-iotlb", "on".equals(drv.attr("iotlb")));
                }
                if (drv.attr("aw_bits") != null) {
                    j.put("aw-bits", Integer.parseInt(drv.attr("aw_bits")));
                }
                if (drv.attr("dma_translation") != null) {
                    j.put("dma-translation", "on".equals(drv.attr("dma_translation")));
                }
            }
            a.device(j);
        }
    }

    /** USB hubs, right after the controllers. */
    void hubs(Argv a) {
        List<XNode> hubs = d.devices("hub");
        for (int i = 0; i < hubs.size(); i++) {
            Json j = Json.object().put("driver", "usb-hub").put("id", "hub" + i);
            usbBus(hubs.get(i), j);
            a.device(j);
        }
    }

    /** Smartcards on the CCID bus. */
    void smartcards(Argv a, CharArgs chr) throws VirtException {
        List<XNode> cards = d.devices("smartcard");
        for (int i = 0; i < cards.size(); i++) {
            XNode sc = cards.get(i);
            String alias = "smartcard" + i;
            XNode addr = sc.address();
            String bus = "ccid" + (addr == null ? "0" : addr.attr("controller", "0")) + ".0";
            Json j = Json.object();
            switch (sc.attr("mode", "")) {
                case "host" -> j.put("driver", "ccid-card-emulated").put("backend", "nss-emulated");
                case "host-certificates" -> {
                    j.put("driver", "ccid-card-emulated").put("backend", "certificates");
                    List<XNode> certs = sc.all("certificate");
                    for (int c = 0; c < certs.size(); c++) {
                        j.put("cert" + (c + 1), certs.get(c).text);
                    }
                    j.put("db", sc.child("database") == null ? "/etc/pki/nssdb" : sc.childText("database"));
                }
                case "passthrough" -> {
                    chr.smartcardBackend(a, sc, "char" + alias, alias);
                    j.put("driver", "ccid-card-passthru").put("chardev", "char" + alias);
                }
                default -> {
                    continue;
                }
            }
            j.put("id", alias).put("bus", bus);
            a.device(j);
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

    void watchdogs(Argv a) {
        List<XNode> wds = d.devices("watchdog");
        for (int i = 0; i < wds.size(); i++) {
            XNode w = wds.get(i);
            String model = w.attr("model");
            if ("itco".equals(model)) {
                a.add("-global", "ICH9-LPC.noreboot=off");
            } else {
                Json j = Json.object().put("driver", model).put("id", "watchdog" + i);
                PciBus.put(d, w, j);
                a.device(j);
            }
            String action = w.attr("action", "reset");
            if (action.equals("dump")) {
                action = "pause";
            }
            a.add("-watchdog-action", action);
        }
    }

    /** PCI host devices (and hostdev NICs) as vfio-pci, in libvirt's hostdev order. */
    void hostdevs(Argv a) {
        int n = 0;
        List<XNode> all = new ArrayList<>();
        for (XNode net : d.devices("interface")) {
            if ("hostdev".equals(net.attr("type"))) {
                all.add(net);
            }
        }
        all.addAll(d.devices("hostdev"));
        for (XNode h : all) {
            String alias = "hostdev" + n++;
            boolean isNet = h.name.equals("interface");
            if (!isNet && !"pci".equals(h.attr("type"))) {
                continue;
            }
            XNode src = h.child("source");
            XNode sa = src == null ? null : src.child("address");
            if (sa == null) {
                continue;
            }
            String host = String.format("%04x:%02x:%02x.%x", Attrs.intAttr(sa, "domain", 0), Attrs.intAttr(sa, "bus", 0),
                    Attrs.intAttr(sa, "slot", 0), Attrs.intAttr(sa, "function", 0));
            Json j = Json.object().put("driver", "vfio-pci").put("host", host).put("id", alias)
                    .put("bootindex", boot.of(h));
            PciBus.put(d, h, j);
            a.device(j);
        }
    }

    void memballoon(Argv a) {
        for (XNode b : d.devices("memballoon")) {
            String model = b.attr("model");
            if (!"virtio".equals(model) && !"virtio-transitional".equals(model)
                    && !"virtio-non-transitional".equals(model)) {
                continue;
            }
            String driver = switch (model) {
                case "virtio-transitional" -> "virtio-balloon-pci-transitional";
                case "virtio-non-transitional" -> "virtio-balloon-pci-non-transitional";
                default -> "virtio-balloon-pci";
            };
            Json j = Json.object().put("driver", driver);
            VirtioOptions.put(b, j);
            j.put("id", "balloon0");
            if (b.attr("autodeflate") != null) {
                j.put("deflate-on-oom", "on".equals(b.attr("autodeflate")));
            }
            if (b.attr("freePageReporting") != null) {
                j.put("free-page-reporting", "on".equals(b.attr("freePageReporting")));
            }
            PciBus.put(d, b, j);
            a.device(j);
        }
    }

    void rngs(Argv a, CharArgs chr) throws VirtException {
        List<XNode> rngs = d.devices("rng");
        for (int i = 0; i < rngs.size(); i++) {
            XNode r = rngs.get(i);
            XNode backend = r.child("backend");
            String bmodel = backend == null ? "random" : backend.attr("model", "random");
            Json obj = Json.object();
            if (bmodel.equals("egd")) {
                chr.rngBackend(a, backend, i);
            }
            switch (bmodel) {
                case "random" -> obj.put("qom-type", "rng-random").put("id", "objrng" + i)
                        .put("filename", backend == null || backend.text == null ? "/dev/urandom" : backend.text);
                case "egd" -> obj.put("qom-type", "rng-egd").put("id", "objrng" + i).put("chardev", "charrng" + i);
                case "builtin" -> obj.put("qom-type", "rng-builtin").put("id", "objrng" + i);
                default -> throw QemuErrors.unsupported("unsupported rng backend model '" + bmodel + "'");
            }
            a.object(obj);
            String model = r.attr("model", "virtio");
            String driver = switch (model) {
                case "virtio-transitional" -> "virtio-rng-pci-transitional";
                case "virtio-non-transitional" -> "virtio-rng-pci-non-transitional";
                default -> "virtio-rng-pci";
            };
            Json j = Json.object().put("driver", driver);
            VirtioOptions.put(r, j);
            j.put("rng", "objrng" + i).put("id", "rng" + i);
            XNode rate = r.child("rate");
            if (rate != null) {
                j.put("max-bytes", Long.parseLong(rate.attr("bytes")));
                j.put("period", Long.parseLong(rate.attr("period", "1000")));
            }
            PciBus.put(d, r, j);
            a.device(j);
        }
    }

    void panic(Argv a) {
        for (XNode p : d.devices("panic")) {
            String model = p.attr("model", "isa");
            if (model.equals("isa")) {
                Json j = Json.object().put("driver", "pvpanic");
                XNode addr = p.address();
                if (addr != null && addr.attr("iobase") != null) {
                    j.put("ioport", Integer.decode(addr.attr("iobase")));
                }
                a.device(j);
            }
        }
    }
}
