package org.jvirt.api.xml;

/** Collects the values of a {@link FsSource}: from {@link FsSource#builder()} or {@link FsSource#toBuilder()}; not thread-safe. */
public final class FsSourceBuilder {
    String dir;
    String file;
    String dev;
    String name;
    String pool;
    String volume;
    Long usageKib;
    String units;
    String socket;
    Preserved other;

    FsSourceBuilder() {
    }

    FsSourceBuilder(FsSource from) {
        dir = from.dir();
        file = from.file();
        dev = from.dev();
        name = from.name();
        pool = from.pool();
        volume = from.volume();
        usageKib = from.usageKib();
        units = from.units();
        socket = from.socket();
        other = from.other();
    }

    /** @see FsSource#dir() */
    public FsSourceBuilder dir(String value) {
        this.dir = value;
        return this;
    }

    /** @see FsSource#file() */
    public FsSourceBuilder file(String value) {
        this.file = value;
        return this;
    }

    /** @see FsSource#dev() */
    public FsSourceBuilder dev(String value) {
        this.dev = value;
        return this;
    }

    /** @see FsSource#name() */
    public FsSourceBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see FsSource#pool() */
    public FsSourceBuilder pool(String value) {
        this.pool = value;
        return this;
    }

    /** @see FsSource#volume() */
    public FsSourceBuilder volume(String value) {
        this.volume = value;
        return this;
    }

    /** @see FsSource#usageKib() */
    public FsSourceBuilder usageKib(Long value) {
        this.usageKib = value;
        return this;
    }

    /** @see FsSource#units() */
    public FsSourceBuilder units(String value) {
        this.units = value;
        return this;
    }

    /** @see FsSource#socket() */
    public FsSourceBuilder socket(String value) {
        this.socket = value;
        return this;
    }

    /** @see FsSource#other() */
    public FsSourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public FsSource build() {
        return new FsSource(this);
    }
}
