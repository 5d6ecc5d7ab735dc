package org.jvirt.api.xml;

/** Collects the values of a {@link CharSource}: from {@link CharSource#builder()} or {@link CharSource#toBuilder()}; not thread-safe. */
public final class CharSourceBuilder {
    String mode;
    String path;
    String append;
    String host;
    String service;
    String bindHost;
    String bindService;
    String protocol;
    CharSource.Reconnect reconnect;
    Preserved other;

    CharSourceBuilder() {
    }

    CharSourceBuilder(CharSource from) {
        mode = from.mode();
        path = from.path();
        append = from.append();
        host = from.host();
        service = from.service();
        bindHost = from.bindHost();
        bindService = from.bindService();
        protocol = from.protocol();
        reconnect = from.reconnect();
        other = from.other();
    }

    /** @see CharSource#mode() */
    public CharSourceBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see CharSource#path() */
    public CharSourceBuilder path(String value) {
        this.path = value;
        return this;
    }

    /** @see CharSource#append() */
    public CharSourceBuilder append(String value) {
        this.append = value;
        return this;
    }

    /** @see CharSource#host() */
    public CharSourceBuilder host(String value) {
        this.host = value;
        return this;
    }

    /** @see CharSource#service() */
    public CharSourceBuilder service(String value) {
        this.service = value;
        return this;
    }

    /** @see CharSource#bindHost() */
    public CharSourceBuilder bindHost(String value) {
        this.bindHost = value;
        return this;
    }

    /** @see CharSource#bindService() */
    public CharSourceBuilder bindService(String value) {
        this.bindService = value;
        return this;
    }

    /** @see CharSource#protocol() */
    public CharSourceBuilder protocol(String value) {
        this.protocol = value;
        return this;
    }

    /** @see CharSource#reconnect() */
    public CharSourceBuilder reconnect(CharSource.Reconnect value) {
        this.reconnect = value;
        return this;
    }

    /** @see CharSource#other() */
    public CharSourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public CharSource build() {
        return new CharSource(this);
    }
}
