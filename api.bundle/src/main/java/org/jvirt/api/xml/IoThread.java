package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <iothreadids><iothread>} entry.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class IoThread {
    private final int id;
    private final Integer threadPoolMin;
    private final Integer threadPoolMax;
    private final Long pollMaxNs;
    private final Long pollGrow;
    private final Long pollShrink;
    private final Preserved other;

    private IoThread(Builder b) {
        this.id = b.id;
        this.threadPoolMin = b.threadPoolMin;
        this.threadPoolMax = b.threadPoolMax;
        this.pollMaxNs = b.pollMaxNs;
        this.pollGrow = b.pollGrow;
        this.pollShrink = b.pollShrink;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.threadPoolMin = threadPoolMin;
        b.threadPoolMax = threadPoolMax;
        b.pollMaxNs = pollMaxNs;
        b.pollGrow = pollGrow;
        b.pollShrink = pollShrink;
        b.other = other;
        return b;
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

    /** A copy with {@code threadPoolMin} replaced. */
    public IoThread withThreadPoolMin(Integer newThreadPoolMin) {
        return toBuilder().threadPoolMin(newThreadPoolMin).build();
    }

    /** A copy with {@code threadPoolMax} replaced. */
    public IoThread withThreadPoolMax(Integer newThreadPoolMax) {
        return toBuilder().threadPoolMax(newThreadPoolMax).build();
    }

    /** A copy with {@code pollMaxNs} replaced. */
    public IoThread withPollMaxNs(Long newPollMaxNs) {
        return toBuilder().pollMaxNs(newPollMaxNs).build();
    }

    /** A copy with {@code pollGrow} replaced. */
    public IoThread withPollGrow(Long newPollGrow) {
        return toBuilder().pollGrow(newPollGrow).build();
    }

    /** A copy with {@code pollShrink} replaced. */
    public IoThread withPollShrink(Long newPollShrink) {
        return toBuilder().pollShrink(newPollShrink).build();
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
        return id == x.id
                && Objects.equals(threadPoolMin, x.threadPoolMin)
                && Objects.equals(threadPoolMax, x.threadPoolMax)
                && Objects.equals(pollMaxNs, x.pollMaxNs)
                && Objects.equals(pollGrow, x.pollGrow)
                && Objects.equals(pollShrink, x.pollShrink)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, threadPoolMin, threadPoolMax, pollMaxNs, pollGrow, pollShrink, other);
    }

    @Override
    public String toString() {
        return "IoThread[" + "id=" + id + ", "
                + "threadPoolMin=" + threadPoolMin + ", "
                + "threadPoolMax=" + threadPoolMax + ", "
                + "pollMaxNs=" + pollMaxNs + ", "
                + "pollGrow=" + pollGrow + ", "
                + "pollShrink=" + pollShrink + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link IoThread}; not thread-safe. */
    public static final class Builder {
        private int id;
        private Integer threadPoolMin;
        private Integer threadPoolMax;
        private Long pollMaxNs;
        private Long pollGrow;
        private Long pollShrink;
        private Preserved other;

        private Builder() {
        }

        /** @see IoThread#id() */
        public Builder id(int value) {
            this.id = value;
            return this;
        }

        /** @see IoThread#threadPoolMin() */
        public Builder threadPoolMin(Integer value) {
            this.threadPoolMin = value;
            return this;
        }

        /** @see IoThread#threadPoolMax() */
        public Builder threadPoolMax(Integer value) {
            this.threadPoolMax = value;
            return this;
        }

        /** @see IoThread#pollMaxNs() */
        public Builder pollMaxNs(Long value) {
            this.pollMaxNs = value;
            return this;
        }

        /** @see IoThread#pollGrow() */
        public Builder pollGrow(Long value) {
            this.pollGrow = value;
            return this;
        }

        /** @see IoThread#pollShrink() */
        public Builder pollShrink(Long value) {
            this.pollShrink = value;
            return this;
        }

        /** @see IoThread#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public IoThread build() {
            return new IoThread(this);
        }
    }
}
