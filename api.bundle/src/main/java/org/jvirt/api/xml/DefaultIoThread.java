package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <defaultiothread>} element: the pool of QEMU's main loop.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DefaultIoThread {
    private final Integer threadPoolMin;
    private final Integer threadPoolMax;
    private final Preserved other;

    DefaultIoThread(DefaultIoThreadBuilder b) {
        this.threadPoolMin = b.threadPoolMin;
        this.threadPoolMax = b.threadPoolMax;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DefaultIoThreadBuilder builder() {
        return new DefaultIoThreadBuilder();
    }

    /** A builder holding this object's values. */
    public DefaultIoThreadBuilder toBuilder() {
        return new DefaultIoThreadBuilder(this);
    }

    /** {@code thread_pool_min}, or null */
    public Integer threadPoolMin() {
        return threadPoolMin;
    }

    /** {@code thread_pool_max}, or null */
    public Integer threadPoolMax() {
        return threadPoolMax;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code other} replaced. */
    public DefaultIoThread withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DefaultIoThread x)) {
            return false;
        }
        return Objects.equals(threadPoolMin, x.threadPoolMin)
                && Objects.equals(threadPoolMax, x.threadPoolMax) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threadPoolMin, threadPoolMax, other);
    }

    @Override
    public String toString() {
        return "DefaultIoThread[threadPoolMin=" + threadPoolMin + ", threadPoolMax=" + threadPoolMax
                + ", other=" + other + "]";
    }

}
