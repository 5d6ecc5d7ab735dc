package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <graphics>} device (virDomainGraphicsDef): the ports, listens and authentication of
 * {@code vnc}, {@code spice} and {@code rdp}, the SPICE channel and compression settings, the
 * {@code sdl} display, and the {@code dbus} address. What a type does not use stays null.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Graphics implements Device {
    private final String type;
    private final int port;
    private final boolean autoport;
    private final Integer tlsPort;
    private final Integer websocket;
    private final List<Listen> listens;
    private final String keymap;
    private final String sharePolicy;
    private final String powerControl;
    private final String username;
    private final String passwd;
    private final String passwdValidTo;
    private final String connected;
    private final String defaultMode;
    private final List<Channel> channels;
    private final String imageCompression;
    private final String jpegCompression;
    private final String zlibCompression;
    private final String playbackCompression;
    private final String streamingMode;
    private final String mouseMode;
    private final String clipboardCopypaste;
    private final String filetransferEnable;
    private final Gl gl;
    private final Integer audioId;
    private final String display;
    private final String xauth;
    private final String fullscreen;
    private final String replaceUser;
    private final String multiUser;
    private final String address;
    private final String p2p;
    private final Preserved other;
    private final DeviceInfo info;

    Graphics(GraphicsBuilder b) {
        this.type = b.type;
        this.port = b.port;
        this.autoport = b.autoport;
        this.tlsPort = b.tlsPort;
        this.websocket = b.websocket;
        this.listens = List.copyOf(b.listens == null ? List.of() : b.listens);
        this.keymap = b.keymap;
        this.sharePolicy = b.sharePolicy;
        this.powerControl = b.powerControl;
        this.username = b.username;
        this.passwd = b.passwd;
        this.passwdValidTo = b.passwdValidTo;
        this.connected = b.connected;
        this.defaultMode = b.defaultMode;
        this.channels = List.copyOf(b.channels == null ? List.of() : b.channels);
        this.imageCompression = b.imageCompression;
        this.jpegCompression = b.jpegCompression;
        this.zlibCompression = b.zlibCompression;
        this.playbackCompression = b.playbackCompression;
        this.streamingMode = b.streamingMode;
        this.mouseMode = b.mouseMode;
        this.clipboardCopypaste = b.clipboardCopypaste;
        this.filetransferEnable = b.filetransferEnable;
        this.gl = b.gl;
        this.audioId = b.audioId;
        this.display = b.display;
        this.xauth = b.xauth;
        this.fullscreen = b.fullscreen;
        this.replaceUser = b.replaceUser;
        this.multiUser = b.multiUser;
        this.address = b.address;
        this.p2p = b.p2p;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static GraphicsBuilder builder() {
        return new GraphicsBuilder();
    }

    /** A builder holding this object's values. */
    public GraphicsBuilder toBuilder() {
        return new GraphicsBuilder(this);
    }

    /** {@code vnc}, {@code spice}, {@code sdl}, {@code rdp}, {@code desktop}, {@code egl-headless}, {@code dbus} */
    public String type() {
        return type;
    }

    /** the VNC, SPICE or RDP port, 0 when unset; -1 is written for autoport */
    public int port() {
        return port;
    }

    /** whether the port is allocated automatically */
    public boolean autoport() {
        return autoport;
    }

    /** the SPICE TLS port, or null when unset */
    public Integer tlsPort() {
        return tlsPort;
    }

    /** the VNC websocket port (-1: allocated), or null */
    public Integer websocket() {
        return websocket;
    }

    /** where it listens, first one mirrored in the legacy {@code listen}/{@code socket} attribute */
    public List<Listen> listens() {
        return listens;
    }

    /** {@code keymap} (vnc, spice), or null */
    public String keymap() {
        return keymap;
    }

    /** VNC {@code sharePolicy} ({@code allow-exclusive}, {@code force-shared}, {@code ignore}), or null */
    public String sharePolicy() {
        return sharePolicy;
    }

    /** VNC {@code powerControl} ({@code yes}/{@code no}), or null */
    public String powerControl() {
        return powerControl;
    }

    /** the user name of RDP (and VNC) authentication, or null */
    public String username() {
        return username;
    }

    /** {@code passwd} (vnc, spice), or null; written only with {@link DomainXmlCodec#FORMAT_SECURE} */
    public String passwd() {
        return passwd;
    }

    /** {@code passwdValidTo} (a time stamp as written), or null */
    public String passwdValidTo() {
        return passwdValidTo;
    }

    /** {@code connected} ({@code fail}, {@code disconnect}, {@code keep}), or null */
    public String connected() {
        return connected;
    }

    /** SPICE {@code defaultMode} ({@code any}, {@code secure}, {@code insecure}), or null */
    public String defaultMode() {
        return defaultMode;
    }

    /** SPICE {@code <channel name= mode=>} entries */
    public List<Channel> channels() {
        return channels;
    }

    /** SPICE {@code <image compression=>}, or null */
    public String imageCompression() {
        return imageCompression;
    }

    /** SPICE {@code <jpeg compression=>}, or null */
    public String jpegCompression() {
        return jpegCompression;
    }

    /** SPICE {@code <zlib compression=>}, or null */
    public String zlibCompression() {
        return zlibCompression;
    }

    /** SPICE {@code <playback compression=>} ({@code on}/{@code off}), or null */
    public String playbackCompression() {
        return playbackCompression;
    }

    /** SPICE {@code <streaming mode=>} ({@code filter}, {@code all}, {@code off}), or null */
    public String streamingMode() {
        return streamingMode;
    }

    /** SPICE {@code <mouse mode=>} ({@code server}, {@code client}), or null */
    public String mouseMode() {
        return mouseMode;
    }

    /** SPICE {@code <clipboard copypaste=>} ({@code yes}/{@code no}), or null */
    public String clipboardCopypaste() {
        return clipboardCopypaste;
    }

    /** SPICE {@code <filetransfer enable=>} ({@code yes}/{@code no}), or null */
    public String filetransferEnable() {
        return filetransferEnable;
    }

    /** {@code <gl enable= rendernode=>} (spice, sdl, egl-headless, dbus), or null */
    public Gl gl() {
        return gl;
    }

    /** {@code <audio id=>}: the audio backend (vnc, dbus), or null */
    public Integer audioId() {
        return audioId;
    }

    /** SDL/desktop {@code display}, or null */
    public String display() {
        return display;
    }

    /** SDL {@code xauth}, or null */
    public String xauth() {
        return xauth;
    }

    /** SDL/desktop {@code fullscreen} ({@code yes}/{@code no}), or null */
    public String fullscreen() {
        return fullscreen;
    }

    /** RDP {@code replaceUser} ({@code yes}/{@code no}), or null */
    public String replaceUser() {
        return replaceUser;
    }

    /** RDP {@code multiUser} ({@code yes}/{@code no}), or null */
    public String multiUser() {
        return multiUser;
    }

    /** D-Bus {@code address}, or null */
    public String address() {
        return address;
    }

    /** D-Bus {@code p2p} ({@code yes}/{@code no}), or null */
    public String p2p() {
        return p2p;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code type} replaced. */
    public Graphics withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code port} replaced. */
    public Graphics withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code listens} replaced. */
    public Graphics withListens(List<Listen> newListens) {
        return toBuilder().listens(newListens).build();
    }

    /** A copy with {@code display} replaced. */
    public Graphics withDisplay(String newDisplay) {
        return toBuilder().display(newDisplay).build();
    }

    /** A copy with {@code address} replaced. */
    public Graphics withAddress(String newAddress) {
        return toBuilder().address(newAddress).build();
    }

    /** A copy with {@code other} replaced. */
    public Graphics withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Graphics withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "graphics";
    }

    /**
     * {@code <listen>}.
     *
     * @param type          {@code address}, {@code network}, {@code socket} or {@code none}
     * @param address       the address (type address, or resolved network), or null
     * @param network       the network name (type network), or null
     * @param socket        the UNIX socket path (type socket), or null
     * @param autoGenerated {@code yes} when the driver chose the socket path (status XML only), or null
     * @param other         further attributes
     */
    public record Listen(String type, String address, String network, String socket, String autoGenerated,
            Preserved other) {
        public Listen {
            other = other == null ? Preserved.NONE : other;
        }

        /** A listen without {@code autoGenerated}. */
        public Listen(String type, String address, String network, String socket, Preserved other) {
            this(type, address, network, socket, null, other);
        }
    }

    /**
     * A SPICE {@code <channel>}.
     *
     * @param name {@code main}, {@code display}, {@code inputs}, {@code cursor}, {@code playback}, {@code record}, {@code smartcard}, {@code usbredir}
     * @param mode {@code any}, {@code secure} or {@code insecure}
     */
    public record Channel(String name, String mode) {
    }

    /**
     * {@code <gl>}.
     *
     * @param enable     {@code yes}/{@code no}, or null (egl-headless has none)
     * @param rendernode the DRM render node path, or null
     */
    public record Gl(String enable, String rendernode) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Graphics x)) {
            return false;
        }
        return Objects.equals(type, x.type) && port == x.port && autoport == x.autoport
                && Objects.equals(tlsPort, x.tlsPort) && Objects.equals(websocket, x.websocket)
                && Objects.equals(listens, x.listens) && Objects.equals(keymap, x.keymap)
                && Objects.equals(sharePolicy, x.sharePolicy) && Objects.equals(powerControl, x.powerControl)
                && Objects.equals(username, x.username) && Objects.equals(passwd, x.passwd)
                && Objects.equals(passwdValidTo, x.passwdValidTo) && Objects.equals(connected, x.connected)
                && Objects.equals(defaultMode, x.defaultMode) && Objects.equals(channels, x.channels)
                && Objects.equals(imageCompression, x.imageCompression)
                && Objects.equals(jpegCompression, x.jpegCompression)
                && Objects.equals(zlibCompression, x.zlibCompression)
                && Objects.equals(playbackCompression, x.playbackCompression)
                && Objects.equals(streamingMode, x.streamingMode) && Objects.equals(mouseMode, x.mouseMode)
                && Objects.equals(clipboardCopypaste, x.clipboardCopypaste)
                && Objects.equals(filetransferEnable, x.filetransferEnable) && Objects.equals(gl, x.gl)
                && Objects.equals(audioId, x.audioId) && Objects.equals(display, x.display)
                && Objects.equals(xauth, x.xauth) && Objects.equals(fullscreen, x.fullscreen)
                && Objects.equals(replaceUser, x.replaceUser) && Objects.equals(multiUser, x.multiUser)
                && Objects.equals(address, x.address) && Objects.equals(p2p, x.p2p)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, port, autoport, tlsPort, websocket, listens, keymap, sharePolicy,
                powerControl, username, passwd, passwdValidTo, connected, defaultMode, channels,
                imageCompression, jpegCompression, zlibCompression, playbackCompression, streamingMode,
                mouseMode, clipboardCopypaste, filetransferEnable, gl, audioId, display, xauth, fullscreen,
                replaceUser, multiUser, address, p2p, other, info);
    }

    @Override
    public String toString() {
        return "Graphics[type=" + type + ", port=" + port + ", autoport=" + autoport + ", tlsPort=" + tlsPort
                + ", websocket=" + websocket + ", listens=" + listens + ", keymap=" + keymap
                + ", sharePolicy=" + sharePolicy + ", powerControl=" + powerControl + ", username=" + username
                + ", passwd=" + passwd + ", passwdValidTo=" + passwdValidTo + ", connected=" + connected
                + ", defaultMode=" + defaultMode + ", channels=" + channels
                + ", imageCompression=" + imageCompression + ", jpegCompression=" + jpegCompression
                + ", zlibCompression=" + zlibCompression + ", playbackCompression=" + playbackCompression
                + ", streamingMode=" + streamingMode + ", mouseMode=" + mouseMode
                + ", clipboardCopypaste=" + clipboardCopypaste + ", filetransferEnable=" + filetransferEnable
                + ", gl=" + gl + ", audioId=" + audioId + ", display=" + display + ", xauth=" + xauth
                + ", fullscreen=" + fullscreen + ", replaceUser=" + replaceUser + ", multiUser=" + multiUser
                + ", address=" + address + ", p2p=" + p2p + ", other=" + other + ", info=" + info + "]";
    }

}
