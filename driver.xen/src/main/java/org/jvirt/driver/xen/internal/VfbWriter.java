package org.jvirt.driver.xen.internal;

import java.util.List;

import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Graphics;

/** libvirt's xenFormatVfb: one VNC or SDL display, as HVM settings or a PV {@code vfb} entry. */
final class VfbWriter {

    void write(ConfText conf, DomainDef def) {
        List<Graphics> graphics = def.devices().graphics();
        if (graphics.size() != 1 || "spice".equals(graphics.get(0).type())) {
            return;
        }
        Graphics g = graphics.get(0);
        boolean sdl = "sdl".equals(g.type());
        if (DefReader.hvm(def)) {
            if (sdl) {
                conf.setInt("sdl", 1);
                conf.setInt("vnc", 0);
                if (g.display() != null) {
                    conf.setString("display", g.display());
                }
                if (g.xauth() != null) {
                    conf.setString("xauthority", g.xauth());
                }
                return;
            }
            conf.setInt("sdl", 0);
            conf.setInt("vnc", 1);
            conf.setInt("vncunused", g.autoport() ? 1 : 0);
            if (!g.autoport()) {
                conf.setInt("vncdisplay", g.port() - 5900);
            }
            String listen = CommonWriter.listenAddress(g);
            if (listen != null) {
                conf.setString("vnclisten", listen);
            }
            if (g.passwd() != null) {
                conf.setString("vncpasswd", g.passwd());
            }
            if (g.keymap() != null) {
                conf.setString("keymap", g.keymap());
            }
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (sdl) {
            sb.append("type=sdl");
            if (g.display() != null) {
                sb.append(",display=").append(g.display());
            }
            if (g.xauth() != null) {
                sb.append(",xauthority=").append(g.xauth());
            }
        } else {
            sb.append("type=vnc,vncunused=").append(g.autoport() ? 1 : 0);
            if (!g.autoport()) {
                sb.append(",vncdisplay=").append(g.port() - 5900);
            }
            String listen = CommonWriter.listenAddress(g);
            if (listen != null) {
                sb.append(",vnclisten=").append(listen);
            }
            if (g.passwd() != null) {
                sb.append(",vncpasswd=").append(g.passwd());
            }
            if (g.keymap() != null) {
                sb.append(",keymap=").append(g.keymap());
            }
        }
        conf.setList("vfb", List.of(sb.toString()));
    }
}
