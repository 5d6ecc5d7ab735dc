package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Graphics}: from {@link Graphics#builder()} or {@link Graphics#toBuilder()}; not thread-safe. */
public final class GraphicsBuilder {
    String type;
    int port;
    boolean autoport;
    Integer tlsPort;
    Integer websocket;
    List<Graphics.Listen> listens;
    String keymap;
    String sharePolicy;
    String powerControl;
    String username;
    String passwd;
    String passwdValidTo;
    String connected;
    String defaultMode;
    List<Graphics.Channel> channels;
    String imageCompression;
    String jpegCompression;
    String zlibCompression;
    String playbackCompression;
    String streamingMode;
    String mouseMode;
    String clipboardCopypaste;
    String filetransferEnable;
    Graphics.Gl gl;
    Integer audioId;
    String display;
    String xauth;
    String fullscreen;
    String replaceUser;
    String multiUser;
    String address;
    String p2p;
    Preserved other;
    DeviceInfo info;

    GraphicsBuilder() {
    }

    GraphicsBuilder(Graphics from) {
        type = from.type();
        port = from.port();
        autoport = from.autoport();
        tlsPort = from.tlsPort();
        websocket = from.websocket();
        listens = from.listens();
        keymap = from.keymap();
        sharePolicy = from.sharePolicy();
        powerControl = from.powerControl();
        username = from.username();
        passwd = from.passwd();
        passwdValidTo = from.passwdValidTo();
        connected = from.connected();
        defaultMode = from.defaultMode();
        channels = from.channels();
        imageCompression = from.imageCompression();
        jpegCompression = from.jpegCompression();
        zlibCompression = from.zlibCompression();
        playbackCompression = from.playbackCompression();
        streamingMode = from.streamingMode();
        mouseMode = from.mouseMode();
        clipboardCopypaste = from.clipboardCopypaste();
        filetransferEnable = from.filetransferEnable();
        gl = from.gl();
        audioId = from.audioId();
        display = from.display();
        xauth = from.xauth();
        fullscreen = from.fullscreen();
        replaceUser = from.replaceUser();
        multiUser = from.multiUser();
        address = from.address();
        p2p = from.p2p();
        other = from.other();
        info = from.info();
    }

    /** @see Graphics#type() */
    public GraphicsBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Graphics#port() */
    public GraphicsBuilder port(int value) {
        this.port = value;
        return this;
    }

    /** @see Graphics#autoport() */
    public GraphicsBuilder autoport(boolean value) {
        this.autoport = value;
        return this;
    }

    /** @see Graphics#tlsPort() */
    public GraphicsBuilder tlsPort(Integer value) {
        this.tlsPort = value;
        return this;
    }

    /** @see Graphics#websocket() */
    public GraphicsBuilder websocket(Integer value) {
        this.websocket = value;
        return this;
    }

    /** @see Graphics#listens() */
    public GraphicsBuilder listens(List<Graphics.Listen> value) {
        this.listens = value;
        return this;
    }

    /** @see Graphics#keymap() */
    public GraphicsBuilder keymap(String value) {
        this.keymap = value;
        return this;
    }

    /** @see Graphics#sharePolicy() */
    public GraphicsBuilder sharePolicy(String value) {
        this.sharePolicy = value;
        return this;
    }

    /** @see Graphics#powerControl() */
    public GraphicsBuilder powerControl(String value) {
        this.powerControl = value;
        return this;
    }

    /** @see Graphics#username() */
    public GraphicsBuilder username(String value) {
        this.username = value;
        return this;
    }

    /** @see Graphics#passwd() */
    public GraphicsBuilder passwd(String value) {
        this.passwd = value;
        return this;
    }

    /** @see Graphics#passwdValidTo() */
    public GraphicsBuilder passwdValidTo(String value) {
        this.passwdValidTo = value;
        return this;
    }

    /** @see Graphics#connected() */
    public GraphicsBuilder connected(String value) {
        this.connected = value;
        return this;
    }

    /** @see Graphics#defaultMode() */
    public GraphicsBuilder defaultMode(String value) {
        this.defaultMode = value;
        return this;
    }

    /** @see Graphics#channels() */
    public GraphicsBuilder channels(List<Graphics.Channel> value) {
        this.channels = value;
        return this;
    }

    /** @see Graphics#imageCompression() */
    public GraphicsBuilder imageCompression(String value) {
        this.imageCompression = value;
        return this;
    }

    /** @see Graphics#jpegCompression() */
    public GraphicsBuilder jpegCompression(String value) {
        this.jpegCompression = value;
        return this;
    }

    /** @see Graphics#zlibCompression() */
    public GraphicsBuilder zlibCompression(String value) {
        this.zlibCompression = value;
        return this;
    }

    /** @see Graphics#playbackCompression() */
    public GraphicsBuilder playbackCompression(String value) {
        this.playbackCompression = value;
        return this;
    }

    /** @see Graphics#streamingMode() */
    public GraphicsBuilder streamingMode(String value) {
        this.streamingMode = value;
        return this;
    }

    /** @see Graphics#mouseMode() */
    public GraphicsBuilder mouseMode(String value) {
        this.mouseMode = value;
        return this;
    }

    /** @see Graphics#clipboardCopypaste() */
    public GraphicsBuilder clipboardCopypaste(String value) {
        this.clipboardCopypaste = value;
        return this;
    }

    /** @see Graphics#filetransferEnable() */
    public GraphicsBuilder filetransferEnable(String value) {
        this.filetransferEnable = value;
        return this;
    }

    /** @see Graphics#gl() */
    public GraphicsBuilder gl(Graphics.Gl value) {
        this.gl = value;
        return this;
    }

    /** @see Graphics#audioId() */
    public GraphicsBuilder audioId(Integer value) {
        this.audioId = value;
        return this;
    }

    /** @see Graphics#display() */
    public GraphicsBuilder display(String value) {
        this.display = value;
        return this;
    }

    /** @see Graphics#xauth() */
    public GraphicsBuilder xauth(String value) {
        this.xauth = value;
        return this;
    }

    /** @see Graphics#fullscreen() */
    public GraphicsBuilder fullscreen(String value) {
        this.fullscreen = value;
        return this;
    }

    /** @see Graphics#replaceUser() */
    public GraphicsBuilder replaceUser(String value) {
        this.replaceUser = value;
        return this;
    }

    /** @see Graphics#multiUser() */
    public GraphicsBuilder multiUser(String value) {
        this.multiUser = value;
        return this;
    }

    /** @see Graphics#address() */
    public GraphicsBuilder address(String value) {
        this.address = value;
        return this;
    }

    /** @see Graphics#p2p() */
    public GraphicsBuilder p2p(String value) {
        this.p2p = value;
        return this;
    }

    /** @see Graphics#other() */
    public GraphicsBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Graphics#info() */
    public GraphicsBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Graphics build() {
        return new Graphics(this);
    }
}
