package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** Serial ports, parallel ports, channels and consoles: a {@code -chardev} backend plus a device. */
final class CharArgs {
    private final QemuDomain d;
    private final CommandEnv env;

    CharArgs(QemuDomain d, CommandEnv env) {
        this.d = d;
        this.env = env;
    }

    void serials(Argv a) throws VirtException {
        List<XNode> serials = d.devices("serial");
        for (int i = 0; i < serials.size(); i++) {
            XNode s = serials.get(i);
            String alias = "serial" + i;
            chardev(a, s, "char" + alias, alias);
            XNode t = s.child("target");
            String type = t == null ? "isa-serial" : t.attr("type", "isa-serial");
            String model = t == null || t.child("model") == null ? type : t.child("model").attr("name");
            Json j = Json.object();
            switch (model) {
                case "usb-serial" -> {
                    j.put("driver", "usb-serial").put("chardev", "char" + alias).put("id", alias);
                }
                case "pci-serial" -> {
                    j.put("driver", "pci-serial").put("chardev", "char" + alias).put("id", alias);
                    PciBus.put(d, s, j);
                }
                default -> j.put("driver", "isa-serial").put("chardev", "char" + alias).put("id", alias)
                        .put("index", Integer.parseInt(t == null ? "0" : t.attr("port", "0")));
            }
            a.device(j);
        }
    }

    void parallels(Argv a) throws VirtException {
        List<XNode> ps = d.devices("parallel");
        for (int i = 0; i < ps.size(); i++) {
            String alias = "parallel" + i;
            chardev(a, ps.get(i), "char" + alias, alias);
            a.device(Json.object().put("driver", "isa-parallel").put("chardev", "char" + alias).put("id", alias));
        }
    }

    void channels(Argv a) throws VirtException {
        List<XNode> chs = d.devices("channel");
        for (int i = 0; i < chs.size(); i++) {
            XNode c = chs.get(i);
            String alias = "channel" + i;
            XNode t = c.child("target");
            if (t == null || !"virtio".equals(t.attr("type"))) {
                continue;
            }
            chardev(a, c, "char" + alias, alias);
            XNode addr = c.address();
            Json j = Json.object().put("driver", "virtserialport")
                    .put("bus", "virtio-serial" + Attrs.intAttr(addr, "controller", 0) + "."
                            + Attrs.intAttr(addr, "bus", 0))
                    .put("nr", Attrs.intAttr(addr, "port", 1)).put("chardev", "char" + alias).put("id", alias)
                    .put("name", t.attr("name"));
            a.device(j);
        }
    }

    void consoles(Argv a) throws VirtException {
        List<XNode> cons = d.devices("console");
        for (int i = 0; i < cons.size(); i++) {
            XNode c = cons.get(i);
            String type = c.childAttr("target", "type");
            if (!"virtio".equals(type)) {
                continue;
            }
            String alias = "console" + i;
            chardev(a, c, "char" + alias, alias);
            XNode addr = c.address();
            Json j = Json.object().put("driver", "virtconsole");
            if (addr != null && "virtio-serial".equals(addr.attr("type"))) {
                j.put("bus", "virtio-serial" + Attrs.intAttr(addr, "controller", 0) + "." + Attrs.intAttr(addr, "bus", 0))
                        .put("nr", Attrs.intAttr(addr, "port", 0));
            }
            a.device(j.put("chardev", "char" + alias).put("id", alias));
        }
    }

    /** The character device of a passthrough smartcard. */
    void smartcardBackend(Argv a, XNode card, String id, String alias) throws VirtException {
        chardev(a, card, id, alias);
    }

    /** The character device behind an RNG egd backend. */
    void rngBackend(Argv a, XNode backend, int i) throws VirtException {
        chardev(a, backend, "charrng" + i, "rng" + i);
    }

    private void chardev(Argv a, XNode dev, String id, String alias) throws VirtException {
        String type = dev.attr("type", "pty");
        XNode src = dev.child("source");
        StringBuilder c = new StringBuilder();
        switch (type) {
            case "pty", "null", "vc", "stdio" -> c.append(type).append(",id=").append(id);
            case "file" -> c.append("file,id=").append(id).append(",").append(env.fds().fileBackend(a.fdSets, alias,
                    src == null ? null : src.attr("path"), src == null ? null : src.attr("append")));
            case "dev", "tty" -> c.append(type.equals("tty") ? "tty" : "serial").append(",id=").append(id)
                    .append(",path=").append(Argv.commas(src.attr("path")));
            case "pipe" -> c.append("pipe,id=").append(id).append(",path=").append(Argv.commas(src.attr("path")));
            case "unix" -> {
                // a socket without a path is one libvirt creates: always a listening one
                boolean server = src == null || "bind".equals(src.attr("mode")) || src.attr("path") == null;
                c.append("socket,id=").append(id);
                String path = src == null ? null : src.attr("path");
                if (path == null) {
                    path = env.channelDir() + "/" + env.domainDir(d.def.id(), d.def.name())
                            .substring(env.libDir().length() + 1) + "/" + alias;
                }
                if (server) {
                    c.append(",").append(env.fds().listeningSocket(path)).append(",server=on,wait=off");
                } else {
                    c.append(",path=").append(Argv.commas(path));
                }
            }
            case "tcp" -> {
                boolean server = src != null && "bind".equals(src.attr("mode"));
                c.append("socket,id=").append(id).append(",host=").append(src.attr("host")).append(",port=")
                        .append(src.attr("service"));
                XNode proto = dev.child("protocol");
                if (proto != null && "telnet".equals(proto.attr("type"))) {
                    c.append(",telnet=on");
                }
                if (server) {
                    c.append(",server=on,wait=off");
                }
            }
            case "udp" -> {
                XNode connect = null;
                XNode bind = null;
                for (XNode so : dev.all("source")) {
                    if ("bind".equals(so.attr("mode"))) {
                        bind = so;
                    } else {
                        connect = so;
                    }
                }
                c.append("udp,id=").append(id).append(",host=").append(connect == null ? "" : connect.attr("host", ""))
                        .append(",port=").append(connect == null ? "" : connect.attr("service", ""))
                        .append(",localaddr=").append(bind == null ? "" : bind.attr("host", ""))
                        .append(",localport=").append(bind == null ? "0" : bind.attr("service", "0"));
            }
            case "spicevmc" -> c.append("spicevmc,id=").append(id).append(",name=")
                    .append(dev.name.equals("smartcard") ? "smartcard" : dev.name.equals("redirdev") ? "usbredir"
                            : "vdagent");
            default -> throw QemuErrors.unsupported("Unsupported character device type '" + type + "'");
        }
        XNode log = dev.child("log");
        if (log != null && log.attr("file") != null) {
            c.append(",").append(env.fds().logFile(a.fdSets, alias, log.attr("file"), log.attr("append")));
        }
        a.add("-chardev", c.toString());
    }
}
