package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.GraphicsBuilder;
import org.jvirt.api.xml.XmlElement;

/**
 * {@code <graphics>} of every type libvirt knows, with its port, listen and authentication rules
 * (virDomainGraphicsDefParseXML / virDomainGraphicsDefFormat). Listens are in {@link GraphicsListens}.
 */
final class GraphicsCodec {
    private static final Set<String> TYPES = Set.of("vnc", "spice", "sdl", "rdp", "desktop", "egl-headless", "dbus");
    /** SPICE's single-attribute children: element, attribute. */
    private static final String[][] SPICE_CHILDREN = {{"image", "compression"}, {"jpeg", "compression"},
        {"zlib", "compression"}, {"playback", "compression"}, {"streaming", "mode"}, {"mouse", "mode"},
        {"clipboard", "copypaste"}, {"filetransfer", "enable"}};

    private GraphicsCodec() {
    }

    /** The typed graphics, or null for a type libvirt does not know (kept generic). */
    static Graphics parse(Node g, int flags) throws VirtException {
        String type = g.requiredAttr("type");
        if (!TYPES.contains(type)) {
            return null;
        }
        boolean inactive = (flags & DomainXmlCodec.PARSE_INACTIVE) != 0;
        GraphicsBuilder b = Graphics.builder().type(type);
        switch (type) {
            case "vnc" -> {
                ports(g, b, inactive, true);
                b.websocket(g.intAttr("websocket")).keymap(g.attr("keymap")).sharePolicy(g.attr("sharePolicy"))
                        .powerControl(g.attr("powerControl"));
                auth(g, b);
                b.audioId(audioId(g));
            }
            case "spice" -> {
                ports(g, b, inactive, false);
                b.keymap(g.attr("keymap")).defaultMode(g.attr("defaultMode"));
                auth(g, b);
                spiceChildren(g, b);
                b.gl(gl(g));
            }
            case "rdp" -> {
                Integer port = g.intAttr("port");
                boolean autoport = "yes".equals(g.attr("autoport"));
                int p = port == null ? 0 : port;
                if (p < 0) {
                    p = 0;
                    autoport = true;
                }
                b.port(autoport && inactive ? 0 : p).autoport(autoport).replaceUser(g.attr("replaceUser"))
                        .multiUser(g.attr("multiUser"));
                auth(g, b);
            }
            case "sdl" -> b.display(g.attr("display")).xauth(g.attr("xauth")).fullscreen(g.attr("fullscreen"))
                    .gl(gl(g));
            case "desktop" -> b.display(g.attr("display")).fullscreen(g.attr("fullscreen"));
            case "egl-headless" -> b.gl(gl(g));
            default -> b.p2p(g.attr("p2p")).address(g.attr("address")).gl(gl(g)).audioId(audioId(g));
        }
        if (type.equals("vnc") || type.equals("spice") || type.equals("rdp")) {
            b.listens(GraphicsListens.parse(g, type, inactive));
        }
        return b.info(DeviceInfoCodec.parse(g)).other(g.rest()).build();
    }

    /** VNC's and SPICE's port, TLS port and autoport; -1 is the legacy way to ask for autoport. */
    private static void ports(Node g, GraphicsBuilder b, boolean inactive, boolean vnc) throws VirtException {
        Integer port = g.intAttr("port");
        Integer tlsPort = vnc ? null : g.intAttr("tlsPort");
        boolean autoport = vnc ? port == null || port == -1
                : port != null && port == -1 && tlsPort != null && tlsPort == -1;
        int p = port == null || (vnc && port == -1) ? 0 : port;
        String auto = g.attr("autoport");
        if ("yes".equals(auto)) {
            autoport = true;
        } else if ("no".equals(auto)) {
            autoport = false;
        } else if (auto != null) {
            throw XmlErrors.xml("Invalid value for attribute 'autoport' in element 'graphics': '" + auto + "'");
        }
        if (autoport && inactive && ("yes".equals(auto) || !vnc)) {
            p = 0;
            tlsPort = null;
        }
        b.port(p).autoport(autoport).tlsPort(tlsPort == null || tlsPort == 0 ? null : tlsPort);
    }

    private static void auth(Node g, GraphicsBuilder b) {
        b.username(g.attr("username")).passwd(g.attr("passwd")).passwdValidTo(g.attr("passwdValidTo"))
                .connected(g.attr("connected"));
    }

    private static void spiceChildren(Node g, GraphicsBuilder b) {
        List<XmlElement> written = g.element().children("channel");
        if (written.stream().allMatch(c -> simple(c, "name", "mode"))) {
            List<Graphics.Channel> channels = new ArrayList<>();
            for (XmlElement c : written) {
                g.use(c);
                channels.add(new Graphics.Channel(c.attribute("name"), c.attribute("mode")));
            }
            b.channels(channels);
        }
        b.imageCompression(single(g, "image", "compression")).jpegCompression(single(g, "jpeg", "compression"))
                .zlibCompression(single(g, "zlib", "compression"))
                .playbackCompression(single(g, "playback", "compression"))
                .streamingMode(single(g, "streaming", "mode")).mouseMode(single(g, "mouse", "mode"))
                .clipboardCopypaste(single(g, "clipboard", "copypaste"))
                .filetransferEnable(single(g, "filetransfer", "enable"));
    }

    private static Graphics.Gl gl(Node g) {
        XmlElement gl = g.element().child("gl");
        if (gl == null || !simple(gl, "enable", "rendernode")) {
            return null;
        }
        g.use(gl);
        return new Graphics.Gl(gl.attribute("enable"), gl.attribute("rendernode"));
    }

    private static Integer audioId(Node g) throws VirtException {
        XmlElement audio = g.element().child("audio");
        if (audio == null || !simple(audio, "id")) {
            return null;
        }
        Node a = g.child("audio");
        return Num.uint(a, "id");
    }

    /**
     * The attribute of a child that carries only it; null (and the child kept verbatim) when the
     * child is absent or carries more, so nothing written is lost.
     */
    private static String single(Node g, String child, String attr) {
        XmlElement c = g.element().child(child);
        if (c == null || c.attribute(attr) == null || !simple(c, attr)) {
            return null;
        }
        g.use(c);
        return c.attribute(attr);
    }

    /** Whether the element has no children and no attributes besides {@code allowed}. */
    private static boolean simple(XmlElement e, String... allowed) {
        List<String> names = List.of(allowed);
        return e.children().isEmpty() && e.attributes().stream().allMatch(a -> names.contains(a.name()));
    }

    static XmlElement format(Graphics g, int flags, boolean inactive) {
        Out o = new Out("graphics").attr("type", g.type());
        String first = GraphicsListens.firstType(g);
        boolean byAddress = first.equals("address") || first.equals("network");
        switch (g.type()) {
            case "vnc" -> {
                if (first.equals("socket")) {
                    o.attr("socket", g.listens().get(0).socket());
                } else if (byAddress) {
                    if (g.port() != 0 && (!g.autoport() || !inactive)) {
                        o.attr("port", g.port());
                    } else if (g.autoport()) {
                        o.attr("port", -1);
                    }
                    o.attr("autoport", yesNo(g.autoport())).attr("websocket", g.websocket())
                            .attr("listen", GraphicsListens.legacyAddress(g));
                }
                o.attr("keymap", g.keymap()).attr("sharePolicy", g.sharePolicy()).attr("powerControl", g.powerControl());
            }
            case "spice" -> {
                if (byAddress) {
                    o.attr("port", g.port() == 0 ? null : g.port()).attr("tlsPort", g.tlsPort())
                            .attr("autoport", yesNo(g.autoport())).attr("listen", GraphicsListens.legacyAddress(g));
                }
                o.attr("keymap", g.keymap()).attr("defaultMode", g.defaultMode());
            }
            case "rdp" -> {
                o.attr("port", g.port() != 0 || g.autoport() ? g.port() : null)
                        .attr("autoport", g.autoport() ? "yes" : null).attr("replaceUser", g.replaceUser())
                        .attr("multiUser", g.multiUser());
                if (byAddress) {
                    o.attr("listen", GraphicsListens.legacyAddress(g));
                }
            }
            case "sdl", "desktop" -> o.attr("display", g.display()).attr("xauth", g.xauth())
                    .attr("fullscreen", g.fullscreen());
            default -> o.attr("p2p", g.p2p()).attr("address", g.address());
        }
        o.attr("username", g.username());
        if ((flags & DomainXmlCodec.FORMAT_SECURE) != 0) {
            o.attr("passwd", g.passwd());
        }
        o.attr("passwdValidTo", g.passwdValidTo()).attr("connected", g.connected());
        GraphicsListens.format(g, inactive).forEach(o::child);
        for (Graphics.Channel c : g.channels()) {
            o.child(new Out("channel").attr("name", c.name()).attr("mode", c.mode()));
        }
        String[] values = {g.imageCompression(), g.jpegCompression(), g.zlibCompression(), g.playbackCompression(),
            g.streamingMode(), g.mouseMode(), g.clipboardCopypaste(), g.filetransferEnable()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                o.child(new Out(SPICE_CHILDREN[i][0]).attr(SPICE_CHILDREN[i][1], values[i]));
            }
        }
        if (g.gl() != null) {
            o.child(new Out("gl").attr("enable", g.gl().enable()).attr("rendernode", g.gl().rendernode()));
        }
        if (g.audioId() != null) {
            o.child(new Out("audio").attr("id", g.audioId()));
        }
        return o.children(DeviceInfoCodec.format(g.info())).preserved(g.other()).build();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
