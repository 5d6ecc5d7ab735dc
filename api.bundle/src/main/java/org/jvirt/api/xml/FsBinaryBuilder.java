package org.jvirt.api.xml;

/** Collects the values of a {@link FsBinary}: from {@link FsBinary#builder()} or {@link FsBinary#toBuilder()}; not thread-safe. */
public final class FsBinaryBuilder {
    String path;
    String xattr;
    String cacheMode;
    String lockPosix;
    String flock;
    String sandboxMode;
    Integer threadPoolSize;
    Preserved other;

    FsBinaryBuilder() {
    }

    FsBinaryBuilder(FsBinary from) {
        path = from.path();
        xattr = from.xattr();
        cacheMode = from.cacheMode();
        lockPosix = from.lockPosix();
        flock = from.flock();
        sandboxMode = from.sandboxMode();
        threadPoolSize = from.threadPoolSize();
        other = from.other();
    }

    /** @see FsBinary#path() */
    public FsBinaryBuilder path(String value) {
        this.path = value;
        return this;
    }

    /** @see FsBinary#xattr() */
    public FsBinaryBuilder xattr(String value) {
        this.xattr = value;
        return this;
    }

    /** @see FsBinary#cacheMode() */
    public FsBinaryBuilder cacheMode(String value) {
        this.cacheMode = value;
        return this;
    }

    /** @see FsBinary#lockPosix() */
    public FsBinaryBuilder lockPosix(String value) {
        this.lockPosix = value;
        return this;
    }

    /** @see FsBinary#flock() */
    public FsBinaryBuilder flock(String value) {
        this.flock = value;
        return this;
    }

    /** @see FsBinary#sandboxMode() */
    public FsBinaryBuilder sandboxMode(String value) {
        this.sandboxMode = value;
        return this;
    }

    /** @see FsBinary#threadPoolSize() */
    public FsBinaryBuilder threadPoolSize(Integer value) {
        this.threadPoolSize = value;
        return this;
    }

    /** @see FsBinary#other() */
    public FsBinaryBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public FsBinary build() {
        return new FsBinary(this);
    }
}
