package org.jvirt.driver.qemu.internal.command;

import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Graphics;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** {@code -display}, {@code -vnc} and {@code -spice} of the {@code <graphics>} devices (qemuBuildGraphicsCommandLine). */
final class GraphicsArgs {
    private final QemuMachine m;
    private final CommandEnv env;
    private final Map<String, String> vars;

    GraphicsArgs(QemuMachine m, CommandEnv env, Map<String, String> vars) {
        this.m = m;
        this.env = env;
        this.vars = vars;
    }

    /** {@code -display none} for a guest without any display. */
    void display(Argv a) {
        if (m.def().devices().named("graphics").isEmpty()) {
            a.add("-display", "none");
        }
    }

    void graphics(Argv a) throws VirtException {
        for (Device dev : m.def().devices().named("graphics")) {
            if (!(dev instanceof Graphics g)) {
                String type = ((GenericDevice) dev).element().attribute("type");
                throw QemuErrors.unsupported("unsupported graphics type '" + type + "'");
            }
            switch (g.type()) {
                case "vnc" -> vnc(a, g);
                case "sdl" -> sdl(a, g);
                case "spice" -> a.add("-spice", new SpiceArgs(m, env).spice(g));
                case "egl-headless" -> {
                    String node = g.gl() == null ? null : g.gl().rendernode();
                    a.add("-display", "egl-headless,rendernode=" + Argv.commas(node == null ? env.host().drmRenderNode() : node));
                }
                default -> throw QemuErrors.unsupported("unsupported graphics type '" + g.type() + "'");
            }
        }
    }

    private void sdl(Argv a, Graphics g) {
        if (g.xauth() != null) {
            vars.put("XAUTHORITY", g.xauth());
        }
        if (g.display() != null) {
            vars.put("DISPLAY", g.display());
        }
        StringBuilder s = new StringBuilder("sdl");
        if (g.gl() != null && g.gl().enable() != null) {
            s.append(",gl=").append("yes".equals(g.gl().enable()) ? "on" : "off");
        }
        a.add("-display", s.toString());
    }

    private void vnc(Argv a, Graphics g) {
        StringBuilder v = new StringBuilder();
        Graphics.Listen listen = g.listens().isEmpty() ? null : g.listens().get(0);
        String ltype = listen == null ? "address" : listen.type();
        if ("socket".equals(ltype)) {
            String path = listen.socket();
            if (path == null) {
                path = env.domainDir(m.def().id(), m.def().name()) + "/vnc.sock";
            }
            v.append("vnc=unix:").append(Argv.commas(path));
        } else if ("none".equals(ltype)) {
            v.append("none");
        } else {
            String addr = listen == null || listen.address() == null ? "127.0.0.1" : listen.address();
            if (addr.contains(":")) {
                addr = "[" + addr + "]";
            }
            // 0: no port written, allocated like autoport
            int port = g.autoport() || g.port() == 0 ? env.host().vncPort() : g.port();
            v.append(addr).append(':').append(port - 5900);
            if (g.websocket() != null) {
                v.append(",websocket=").append(g.websocket());
            }
        }
        if (g.sharePolicy() != null) {
            v.append(",share=").append(g.sharePolicy());
        }
        if ("yes".equals(g.powerControl())) {
            v.append(",power-control=on");
        }
        if (g.passwd() != null) {
            v.append(",password=on");
        }
        String au = g.audioId() != null ? "audio" + g.audioId() : audioId(m);
        if (au != null) {
            v.append(",audiodev=").append(au);
        }
        a.add("-vnc", v.toString());
        if (g.keymap() != null) {
            a.add("-k", g.keymap());
        }
    }

    /** The id of the first audio backend, which devices without an {@code <audio id>} play to; or null. */
    static String audioId(QemuMachine m) {
        List<Audio> au = m.def().devices().ofType(Audio.class);
        return au.isEmpty() ? null : "audio" + (au.get(0).id() == null ? 1 : au.get(0).id());
    }
}
