package org.jvirt.api.xml;

import java.util.List;

/**
 * A {@code <graphics>} device. Port and listen handling is modelled for {@code vnc}; for other
 * types those attributes stay in {@code other}.
 *
 * @param type     {@code vnc}, {@code spice}, {@code sdl}, {@code rdp}, {@code egl-headless}, {@code dbus}
 * @param port     the VNC port, 0 when unset; -1 is written for autoport
 * @param autoport whether the port is allocated automatically
 * @param listens  where it listens, first one mirrored in the legacy {@code listen}/{@code socket}
 *                 attribute
 * @param other    further attributes (passwd, keymap, websocket ...) and children
 */
public record Graphics(String type, int port, boolean autoport, List<Listen> listens, Preserved other)
        implements Device {
    public Graphics {
        listens = List.copyOf(listens == null ? List.of() : listens);
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "graphics";
    }

    /**
     * {@code <listen>}.
     *
     * @param type    {@code address}, {@code network}, {@code socket} or {@code none}
     * @param address the address (type address, or resolved network), or null
     * @param network the network name (type network), or null
     * @param socket  the UNIX socket path (type socket), or null
     * @param other   further attributes
     */
    public record Listen(String type, String address, String network, String socket, Preserved other) {
        public Listen {
            other = other == null ? Preserved.NONE : other;
        }
    }
}
