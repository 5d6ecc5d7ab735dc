package org.jvirt.api.xml;

import java.util.Objects;

/**
 * virtiofsd's {@code <binary>}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class FsBinary {
    private final String path;
    private final String xattr;
    private final String cacheMode;
    private final String lockPosix;
    private final String flock;
    private final String sandboxMode;
    private final Integer threadPoolSize;
    private final Preserved other;

    private FsBinary(Builder b) {
        this.path = b.path;
        this.xattr = b.xattr;
        this.cacheMode = b.cacheMode;
        this.lockPosix = b.lockPosix;
        this.flock = b.flock;
        this.sandboxMode = b.sandboxMode;
        this.threadPoolSize = b.threadPoolSize;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.xattr = xattr;
        b.cacheMode = cacheMode;
        b.lockPosix = lockPosix;
        b.flock = flock;
        b.sandboxMode = sandboxMode;
        b.threadPoolSize = threadPoolSize;
        b.other = other;
        return b;
    }

    /** the virtiofsd binary, or null */
    public String path() {
        return path;
    }

    /** {@code on}/{@code off}, or null */
    public String xattr() {
        return xattr;
    }

    /** {@code <cache mode=>} ({@code none}, {@code always}, ...), or null */
    public String cacheMode() {
        return cacheMode;
    }

    /** {@code <lock posix=>} {@code on}/{@code off}, or null */
    public String lockPosix() {
        return lockPosix;
    }

    /** {@code <lock flock=>} {@code on}/{@code off}, or null */
    public String flock() {
        return flock;
    }

    /** {@code <sandbox mode=>} ({@code namespace}/{@code chroot}), or null */
    public String sandboxMode() {
        return sandboxMode;
    }

    /** {@code <thread_pool size=>}, or null */
    public Integer threadPoolSize() {
        return threadPoolSize;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code path} replaced. */
    public FsBinary withPath(String newPath) {
        return toBuilder().path(newPath).build();
    }

    /** A copy with {@code xattr} replaced. */
    public FsBinary withXattr(String newXattr) {
        return toBuilder().xattr(newXattr).build();
    }

    /** A copy with {@code cacheMode} replaced. */
    public FsBinary withCacheMode(String newCacheMode) {
        return toBuilder().cacheMode(newCacheMode).build();
    }

    /** A copy with {@code lockPosix} replaced. */
    public FsBinary withLockPosix(String newLockPosix) {
        return toBuilder().lockPosix(newLockPosix).build();
    }

    /** A copy with {@code flock} replaced. */
    public FsBinary withFlock(String newFlock) {
        return toBuilder().flock(newFlock).build();
    }

    /** A copy with {@code sandboxMode} replaced. */
    public FsBinary withSandboxMode(String newSandboxMode) {
        return toBuilder().sandboxMode(newSandboxMode).build();
    }

    /** A copy with {@code threadPoolSize} replaced. */
    public FsBinary withThreadPoolSize(Integer newThreadPoolSize) {
        return toBuilder().threadPoolSize(newThreadPoolSize).build();
    }

    /** A copy with {@code other} replaced. */
    public FsBinary withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FsBinary x)) {
            return false;
        }
        return Objects.equals(path, x.path)
                && Objects.equals(xattr, x.xattr)
                && Objects.equals(cacheMode, x.cacheMode)
                && Objects.equals(lockPosix, x.lockPosix)
                && Objects.equals(flock, x.flock)
                && Objects.equals(sandboxMode, x.sandboxMode)
                && Objects.equals(threadPoolSize, x.threadPoolSize)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, xattr, cacheMode, lockPosix, flock, sandboxMode, threadPoolSize, other);
    }

    @Override
    public String toString() {
        return "FsBinary[" + "path=" + path + ", "
                + "xattr=" + xattr + ", "
                + "cacheMode=" + cacheMode + ", "
                + "lockPosix=" + lockPosix + ", "
                + "flock=" + flock + ", "
                + "sandboxMode=" + sandboxMode + ", "
                + "threadPoolSize=" + threadPoolSize + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link FsBinary}; not thread-safe. */
    public static final class Builder {
        private String path;
        private String xattr;
        private String cacheMode;
        private String lockPosix;
        private String flock;
        private String sandboxMode;
        private Integer threadPoolSize;
        private Preserved other;

        private Builder() {
        }

        /** @see FsBinary#path() */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** @see FsBinary#xattr() */
        public Builder xattr(String value) {
            this.xattr = value;
            return this;
        }

        /** @see FsBinary#cacheMode() */
        public Builder cacheMode(String value) {
            this.cacheMode = value;
            return this;
        }

        /** @see FsBinary#lockPosix() */
        public Builder lockPosix(String value) {
            this.lockPosix = value;
            return this;
        }

        /** @see FsBinary#flock() */
        public Builder flock(String value) {
            this.flock = value;
            return this;
        }

        /** @see FsBinary#sandboxMode() */
        public Builder sandboxMode(String value) {
            this.sandboxMode = value;
            return this;
        }

        /** @see FsBinary#threadPoolSize() */
        public Builder threadPoolSize(Integer value) {
            this.threadPoolSize = value;
            return this;
        }

        /** @see FsBinary#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public FsBinary build() {
            return new FsBinary(this);
        }
    }
}
