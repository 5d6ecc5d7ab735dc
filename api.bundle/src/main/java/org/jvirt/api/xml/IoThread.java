package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <iothreadids><iothread>} entry.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class IoThread {
    private final int id;
    private final Integer threadPoolMin;
    private final Integer threadPoolMax;
    private final Long pollMaxNs;
    private final Long pollGrow;
    private final Long pollShrink;
    private final Preserved other;

    IoThread(IoThreadBuilder b) {
        this.id = b.id;
        this.threadPoolMin = b.threadPoolMin;
        this.threadPoolMax = b.threadPoolMax;
        this.pollMaxNs = b.pollMaxNs;
        this.pollGrow = b.pollGrow;
        this.pollShrink = b.pollShrink;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static IoThreadBuilder builder() {
        return new IoThreadBuilder();
    }

    /** A builder holding this object's values. */
    public IoThreadBuilder toBuilder() {
        return new IoThreadBuilder(this);
    }

    /** the IOThread id (1 or more) */
    public int id() {
        return id;
    }

    /** {@code thread_pool_min}, or null */
    public Integer threadPoolMin() {
        return threadPoolMin;
    }

    /** {@code thread_pool_max}, or null */
    public Integer threadPoolMax() {
        return threadPoolMax;
    }

    /** {@code <poll max=>} in nanoseconds, or null */
    public Long pollMaxNs() {
        return pollMaxNs;
    }

    /** {@code <poll grow=>}, or null */
    public Long pollGrow() {
        return pollGrow;
    }

    /** {@code <poll shrink=>}, or null */
    public Long pollShrink() {
        return pollShrink;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code id} replaced. */
    public IoThread withId(int newId) {
        return toBuilder().id(newId).build();
    }

    /** A copy with {@code other} replaced. */
    public IoThread withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IoThread x)) {
            return false;
        }
        return id == x.id && Objects.equals(threadPoolMin, x.threadPoolMin)
                && Objects.equals(threadPoolMax, x.threadPoolMax) && Objects.equals(pollMaxNs, x.pollMaxNs)
                && Objects.equals(pollGrow, x.pollGrow) && Objects.equals(pollShrink, x.pollShrink)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, threadPoolMin, threadPoolMax, pollMaxNs, pollGrow, pollShrink, other);
    }

    @Override
    public String toString() {
        return "IoThread[id=" + id + ", threadPoolMin=" + threadPoolMin + ", threadPoolMax=" + threadPoolMax
                + ", pollMaxNs=" + pollMaxNs + ", pollGrow=" + pollGrow + ", pollShrink=" + pollShrink
                + ", other=" + other + "]";
    }

}
