package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link DiskSource}: from {@link DiskSource#builder()} or {@link DiskSource#toBuilder()}; not thread-safe. */
public final class DiskSourceBuilder {
    String file;
    String dev;
    String dir;
    String protocol;
    String name;
    String query;
    String tls;
    String tlsHostname;
    String pool;
    String volume;
    String mode;
    String startupPolicy;
    Integer index;
    List<SourceHost> hosts;
    Long readahead;
    Integer timeout;
    DiskAuth auth;
    DiskEncryption encryption;
    Preserved other;

    DiskSourceBuilder() {
    }

    DiskSourceBuilder(DiskSource from) {
        file = from.file();
        dev = from.dev();
        dir = from.dir();
        protocol = from.protocol();
        name = from.name();
        query = from.query();
        tls = from.tls();
        tlsHostname = from.tlsHostname();
        pool = from.pool();
        volume = from.volume();
        mode = from.mode();
        startupPolicy = from.startupPolicy();
        index = from.index();
        hosts = from.hosts();
        readahead = from.readahead();
        timeout = from.timeout();
        auth = from.auth();
        encryption = from.encryption();
        other = from.other();
    }

    /** @see DiskSource#file() */
    public DiskSourceBuilder file(String value) {
        this.file = value;
        return this;
    }

    /** @see DiskSource#dev() */
    public DiskSourceBuilder dev(String value) {
        this.dev = value;
        return this;
    }

    /** @see DiskSource#dir() */
    public DiskSourceBuilder dir(String value) {
        this.dir = value;
        return this;
    }

    /** @see DiskSource#protocol() */
    public DiskSourceBuilder protocol(String value) {
        this.protocol = value;
        return this;
    }

    /** @see DiskSource#name() */
    public DiskSourceBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see DiskSource#query() */
    public DiskSourceBuilder query(String value) {
        this.query = value;
        return this;
    }

    /** @see DiskSource#tls() */
    public DiskSourceBuilder tls(String value) {
        this.tls = value;
        return this;
    }

    /** @see DiskSource#tlsHostname() */
    public DiskSourceBuilder tlsHostname(String value) {
        this.tlsHostname = value;
        return this;
    }

    /** @see DiskSource#pool() */
    public DiskSourceBuilder pool(String value) {
        this.pool = value;
        return this;
    }

    /** @see DiskSource#volume() */
    public DiskSourceBuilder volume(String value) {
        this.volume = value;
        return this;
    }

    /** @see DiskSource#mode() */
    public DiskSourceBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see DiskSource#startupPolicy() */
    public DiskSourceBuilder startupPolicy(String value) {
        this.startupPolicy = value;
        return this;
    }

    /** @see DiskSource#index() */
    public DiskSourceBuilder index(Integer value) {
        this.index = value;
        return this;
    }

    /** @see DiskSource#hosts() */
    public DiskSourceBuilder hosts(List<SourceHost> value) {
        this.hosts = value;
        return this;
    }

    /** @see DiskSource#readahead() */
    public DiskSourceBuilder readahead(Long value) {
        this.readahead = value;
        return this;
    }

    /** @see DiskSource#timeout() */
    public DiskSourceBuilder timeout(Integer value) {
        this.timeout = value;
        return this;
    }

    /** @see DiskSource#auth() */
    public DiskSourceBuilder auth(DiskAuth value) {
        this.auth = value;
        return this;
    }

    /** @see DiskSource#encryption() */
    public DiskSourceBuilder encryption(DiskEncryption value) {
        this.encryption = value;
        return this;
    }

    /** @see DiskSource#other() */
    public DiskSourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public DiskSource build() {
        return new DiskSource(this);
    }
}
