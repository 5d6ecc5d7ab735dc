package org.jvirt.api.xml;

/** Collects the values of a {@link NetSource}: from {@link NetSource#builder()} or {@link NetSource#toBuilder()}; not thread-safe. */
public final class NetSourceBuilder {
    String network;
    String portgroup;
    String portid;
    String bridge;
    String dev;
    String mode;
    String type;
    String path;
    String name;
    String address;
    Integer port;
    String localAddress;
    Integer localPort;
    Address hostAddress;
    Preserved other;

    NetSourceBuilder() {
    }

    NetSourceBuilder(NetSource from) {
        network = from.network();
        portgroup = from.portgroup();
        portid = from.portid();
        bridge = from.bridge();
        dev = from.dev();
        mode = from.mode();
        type = from.type();
        path = from.path();
        name = from.name();
        address = from.address();
        port = from.port();
        localAddress = from.localAddress();
        localPort = from.localPort();
        hostAddress = from.hostAddress();
        other = from.other();
    }

    /** @see NetSource#network() */
    public NetSourceBuilder network(String value) {
        this.network = value;
        return this;
    }

    /** @see NetSource#portgroup() */
    public NetSourceBuilder portgroup(String value) {
        this.portgroup = value;
        return this;
    }

    /** @see NetSource#portid() */
    public NetSourceBuilder portid(String value) {
        this.portid = value;
        return this;
    }

    /** @see NetSource#bridge() */
    public NetSourceBuilder bridge(String value) {
        this.bridge = value;
        return this;
    }

    /** @see NetSource#dev() */
    public NetSourceBuilder dev(String value) {
        this.dev = value;
        return this;
    }

    /** @see NetSource#mode() */
    public NetSourceBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see NetSource#type() */
    public NetSourceBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see NetSource#path() */
    public NetSourceBuilder path(String value) {
        this.path = value;
        return this;
    }

    /** @see NetSource#name() */
    public NetSourceBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see NetSource#address() */
    public NetSourceBuilder address(String value) {
        this.address = value;
        return this;
    }

    /** @see NetSource#port() */
    public NetSourceBuilder port(Integer value) {
        this.port = value;
        return this;
    }

    /** @see NetSource#localAddress() */
    public NetSourceBuilder localAddress(String value) {
        this.localAddress = value;
        return this;
    }

    /** @see NetSource#localPort() */
    public NetSourceBuilder localPort(Integer value) {
        this.localPort = value;
        return this;
    }

    /** @see NetSource#hostAddress() */
    public NetSourceBuilder hostAddress(Address value) {
        this.hostAddress = value;
        return this;
    }

    /** @see NetSource#other() */
    public NetSourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public NetSource build() {
        return new NetSource(this);
    }
}
