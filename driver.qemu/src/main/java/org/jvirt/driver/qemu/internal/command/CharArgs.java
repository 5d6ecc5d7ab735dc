package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.CharTarget;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * Serial ports, parallel ports, channels and consoles: a {@code -chardev} backend plus a device;
 * and the {@code -chardev} backends of smartcards and RNGs (qemuBuildChrChardevStr).
 */
final class CharArgs {
    private final QemuMachine m;
    private final CommandEnv env;

    CharArgs(QemuMachine m, CommandEnv env) {
        this.m = m;
        this.env = env;
    }

    void serials(Argv a) throws VirtException {
        List<CharDevice> serials = devices("serial");
        for (int i = 0; i < serials.size(); i++) {
            CharDevice s = serials.get(i);
            String alias = "serial" + i;
            chardev(a, s, alias);
            CharTarget t = s.target();
            String type = t == null || t.type() == null ? "isa-serial" : t.type();
            String model = t == null || t.modelName() == null ? type : t.modelName();
            Json j = Json.object();
            switch (model) {
                case "usb-serial" -> j.put("driver", "usb-serial").put("chardev", "char" + alias).put("id", alias);
                case "pci-serial" -> {
                    j.put("driver", "pci-serial").put("chardev", "char" + alias).put("id", alias);
                    PciBus.put(m, s.info(), j);
                }
                default -> j.put("driver", "isa-serial").put("chardev", "char" + alias).put("id", alias)
                        .put("index", t == null || t.port() == null ? 0 : t.port());
            }
            a.device(j);
        }
    }

    void parallels(Argv a) throws VirtException {
        List<CharDevice> ps = devices("parallel");
        for (int i = 0; i < ps.size(); i++) {
            String alias = "parallel" + i;
            chardev(a, ps.get(i), alias);
            a.device(Json.object().put("driver", "isa-parallel").put("chardev", "char" + alias).put("id", alias));
        }
    }

    void channels(Argv a) throws VirtException {
        List<CharDevice> chs = devices("channel");
        for (int i = 0; i < chs.size(); i++) {
            CharDevice c = chs.get(i);
            String alias = "channel" + i;
            CharTarget t = c.target();
            if (t == null || !"virtio".equals(t.type())) {
                continue;
            }
            chardev(a, c, alias);
            Address addr = c.info().address();
            Json j = Json.object().put("driver", "virtserialport")
                    .put("bus", "virtio-serial" + orZero(addr == null ? null : addr.controller()) + "."
                            + orZero(addr == null ? null : addr.bus()))
                    .put("nr", addr == null || addr.port() == null ? 1 : addr.port()).put("chardev", "char" + alias)
                    .put("id", alias).put("name", t.name());
            a.device(j);
        }
    }

    void consoles(Argv a) throws VirtException {
        List<CharDevice> cons = devices("console");
        for (int i = 0; i < cons.size(); i++) {
            CharDevice c = cons.get(i);
            if (c.target() == null || !"virtio".equals(c.target().type())) {
                continue;
            }
            String alias = "console" + i;
            chardev(a, c, alias);
            Address addr = c.info().address();
            Json j = Json.object().put("driver", "virtconsole");
            if (addr != null && addr.is("virtio-serial")) {
                j.put("bus", "virtio-serial" + orZero(addr.controller()) + "." + orZero(addr.bus()))
                        .put("nr", orZero(addr.port()));
            }
            a.device(j.put("chardev", "char" + alias).put("id", alias));
        }
    }

    private List<CharDevice> devices(String elementName) {
        return m.def().devices().charDevices().stream().filter(c -> elementName.equals(c.elementName())).toList();
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private void chardev(Argv a, CharDevice dev, String alias) throws VirtException {
        CharDevice.Log log = dev.log();
        chardev(a, dev.type(), dev.source(), "char" + alias, alias, "vdagent",
                log == null ? null : log.file(), log == null ? null : log.append());
    }

    /**
     * One {@code -chardev}.
     *
     * @param type      the host side type; null is {@code pty}
     * @param src       its source, or null
     * @param spiceName the {@code name} of a {@code spicevmc} channel ({@code vdagent}, {@code smartcard}, {@code usbredir})
     * @param logFile   the file the output is copied to, or null
     */
    void chardev(Argv a, String type, CharSource src, String id, String alias, String spiceName, String logFile,
            String logAppend) throws VirtException {
        String t = type == null ? "pty" : type;
        StringBuilder c = new StringBuilder();
        switch (t) {
            case "pty", "null", "vc", "stdio" -> c.append(t).append(",id=").append(id);
            case "file" -> c.append("file,id=").append(id).append(",").append(env.fds().fileBackend(a.fdSets, alias,
                    src == null ? null : src.path(), src == null ? null : src.append()));
            case "dev", "tty" -> c.append(t.equals("tty") ? "tty" : "serial").append(",id=").append(id)
                    .append(",path=").append(Argv.commas(src.path()));
            case "pipe" -> c.append("pipe,id=").append(id).append(",path=").append(Argv.commas(src.path()));
            case "unix" -> unix(c, src, id, alias);
            case "tcp" -> {
                c.append("socket,id=").append(id).append(",host=").append(src.host()).append(",port=")
                        .append(src.service());
                if ("telnet".equals(src.protocol())) {
                    c.append(",telnet=on");
                }
                if ("bind".equals(src.mode())) {
                    c.append(",server=on,wait=off");
                }
            }
            case "udp" -> c.append("udp,id=").append(id).append(",host=").append(orEmpty(src.host()))
                    .append(",port=").append(orEmpty(src.service()))
                    .append(",localaddr=").append(orEmpty(src.bindHost()))
                    .append(",localport=").append(src.bindService() == null ? "0" : src.bindService());
            case "spicevmc" -> c.append("spicevmc,id=").append(id).append(",name=").append(spiceName);
            default -> throw QemuErrors.unsupported("Unsupported character device type '" + t + "'");
        }
        if (logFile != null) {
            c.append(",").append(env.fds().logFile(a.fdSets, alias, logFile, logAppend));
        }
        a.add("-chardev", c.toString());
    }

    private void unix(StringBuilder c, CharSource src, String id, String alias) {
        String path = src == null ? null : src.path();
        // a socket without a path is one libvirt creates: always a listening one
        boolean server = src == null || "bind".equals(src.mode()) || path == null;
        c.append("socket,id=").append(id);
        if (path == null) {
            path = env.channelDir() + "/" + env.domainDir(m.def().id(), m.def().name())
                    .substring(env.libDir().length() + 1) + "/" + alias;
        }
        if (server) {
            c.append(",").append(env.fds().listeningSocket(path)).append(",server=on,wait=off");
        } else {
            c.append(",path=").append(Argv.commas(path));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
