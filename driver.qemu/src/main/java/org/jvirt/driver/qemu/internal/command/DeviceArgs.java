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
