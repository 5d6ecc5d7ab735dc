package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlElement;

/** VNC {@code <graphics>} with libvirt's port and listen rules (virDomainGraphicsDefParseXMLVNC). */
final class GraphicsCodec {
    private GraphicsCodec() {
    }

    /** The typed VNC graphics, or null for other types (kept generic). */
    static Graphics parse(Node g, int flags) throws VirtException {
        String type = g.requiredAttr("type");
        if (!type.equals("vnc")) {
            return null;
        }
        boolean inactive = (flags & DomainXmlCodec.PARSE_INACTIVE) != 0;
        Integer port = g.intAttr("port");
        boolean autoport = false;
        int p = 0;
        if (port == null) {
            autoport = true;
        } else if (port == -1) {
            autoport = true;
        } else {
            p = port;
        }
        String auto = g.attr("autoport");
        if ("yes".equals(auto)) {
            autoport = true;
            if (inactive) {
                p = 0;
            }
        } else if ("no".equals(auto)) {
            autoport = false;
        } else if (auto != null) {
            throw XmlErrors.xml("Invalid value for attribute 'autoport' in element 'graphics': '" + auto + "'");
        }
        String listenAttr = g.attr("listen");
        String socketAttr = g.attr("socket");
        List<Graphics.Listen> listens = new ArrayList<>();
        for (Node l : g.children("listen")) {
            listens.add(listen(l, inactive));
        }
        if (listenAttr != null && !listens.isEmpty()) {
            Graphics.Listen first = listens.get(0);
            if ((first.type().equals("address") || first.type().equals("network"))
                    && !Objects.equals(listenAttr, first.address())) {
                throw XmlErrors.xml("graphics 'listen' attribute '" + listenAttr
                        + "' must match 'address' attribute of first listen element (found '"
                        + (first.address() == null ? "none" : first.address()) + "')");
            }
        }
        if (socketAttr != null && !listens.isEmpty()) {
            Graphics.Listen first = listens.get(0);
            if (first.type().equals("socket") && first.socket() != null && !first.socket().equals(socketAttr)) {
                throw XmlErrors.xml("graphics 'socket' attribute '" + socketAttr
                        + "' must match 'socket' attribute of first listen element (found '" + first.socket() + "')");
            }
            if (first.type().equals("socket") || first.type().equals("address")) {
                listens.set(0, new Graphics.Listen("socket", null, null, socketAttr, Preserved.NONE));
            }
        }
        if (listens.isEmpty()) {
            if (socketAttr != null) {
                listens.add(new Graphics.Listen("socket", null, null, socketAttr, Preserved.NONE));
            } else {
                listens.add(new Graphics.Listen("address", listenAttr, null, null, Preserved.NONE));
            }
        }
        return Graphics.builder().type(type).port(p).autoport(autoport).listens(listens).other(g.rest()).build();
    }

    private static Graphics.Listen listen(Node l, boolean inactive) throws VirtException {
        String type = l.requiredAttr("type");
        String address = l.attr("address");
        String network = l.attr("network");
        String socket = l.attr("socket");
        switch (type) {
            case "address", "socket", "none" -> {
                // no further requirement
            }
            case "network" -> {
                if (network == null && inactive) {
                    throw XmlErrors.xml("'network' attribute is required for listen type 'network'");
                }
            }
            default -> throw XmlErrors.xml("unknown graphics listen type '" + type + "'");
        }
        return new Graphics.Listen(type, address, network, socket, l.rest());
    }

    static XmlElement format(Graphics g, int flags, boolean inactive) {
        Out o = new Out("graphics").attr("type", g.type());
        Graphics.Listen first = g.listens().isEmpty() ? null : g.listens().get(0);
        String firstType = first == null ? "address" : first.type();
        if (firstType.equals("socket")) {
            o.attr("socket", first.socket());
        } else if (firstType.equals("address") || firstType.equals("network")) {
            if (g.port() != 0 && (!g.autoport() || !inactive)) {
                o.attr("port", g.port());
            } else if (g.autoport()) {
                o.attr("port", -1);
            }
            o.attr("autoport", g.autoport() ? "yes" : "no");
            // libvirt writes websocket between autoport and listen
            o.attr("websocket", attribute(g.other(), "websocket"));
            if (first != null && first.address() != null) {
                o.attr("listen", first.address());
            }
        }
        o.preserved(secure(without(g.other(), "websocket"), flags));
        for (Graphics.Listen l : g.listens()) {
            Out lo = new Out("listen").attr("type", l.type());
            if (l.type().equals("address")) {
                lo.attr("address", l.address());
            } else if (l.type().equals("network")) {
                lo.attr("address", inactive ? null : l.address()).attr("network", l.network());
            } else if (l.type().equals("socket")) {
                lo.attr("socket", l.socket());
            }
            o.child(lo.preserved(l.other()));
        }
        return o.build();
    }

    private static String attribute(Preserved p, String name) {
        return p.attributes().stream().filter(a -> a.name().equals(name)).map(a -> a.value()).findFirst()
                .orElse(null);
    }

    private static Preserved without(Preserved p, String name) {
        return new Preserved(p.attributes().stream().filter(a -> !a.name().equals(name)).toList(), p.children());
    }

    /** Passwords are only written with FORMAT_SECURE (VIR_DOMAIN_XML_SECURE). */
    static Preserved secure(Preserved p, int flags) {
        if ((flags & DomainXmlCodec.FORMAT_SECURE) != 0) {
            return p;
        }
        return new Preserved(p.attributes().stream().filter(a -> !a.name().equals("passwd")).toList(), p.children());
    }
}
