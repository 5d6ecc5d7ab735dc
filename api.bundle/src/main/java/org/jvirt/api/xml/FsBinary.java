package org.jvirt.api.xml;

import java.util.Objects;

/**
 * virtiofsd's {@code <binary>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    FsBinary(FsBinaryBuilder b) {
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
    public static FsBinaryBuilder builder() {
        return new FsBinaryBuilder();
    }

    /** A builder holding this object's values. */
    public FsBinaryBuilder toBuilder() {
        return new FsBinaryBuilder(this);
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
        return Objects.equals(path, x.path) && Objects.equals(xattr, x.xattr)
                && Objects.equals(cacheMode, x.cacheMode) && Objects.equals(lockPosix, x.lockPosix)
                && Objects.equals(flock, x.flock) && Objects.equals(sandboxMode, x.sandboxMode)
                && Objects.equals(threadPoolSize, x.threadPoolSize) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, xattr, cacheMode, lockPosix, flock, sandboxMode, threadPoolSize, other);
    }

    @Override
    public String toString() {
        return "FsBinary[path=" + path + ", xattr=" + xattr + ", cacheMode=" + cacheMode
                + ", lockPosix=" + lockPosix + ", flock=" + flock + ", sandboxMode=" + sandboxMode
                + ", threadPoolSize=" + threadPoolSize + ", other=" + other + "]";
    }

}
