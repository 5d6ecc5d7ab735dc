package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <defaultiothread>} element: the pool of QEMU's main loop.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class DefaultIoThread {
    private final Integer threadPoolMin;
    private final Integer threadPoolMax;
    private final Preserved other;

    private DefaultIoThread(Builder b) {
        this.threadPoolMin = b.threadPoolMin;
        this.threadPoolMax = b.threadPoolMax;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.threadPoolMin = threadPoolMin;
        b.threadPoolMax = threadPoolMax;
        b.other = other;
        return b;
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

    /** A copy with {@code threadPoolMin} replaced. */
    public DefaultIoThread withThreadPoolMin(Integer newThreadPoolMin) {
        return toBuilder().threadPoolMin(newThreadPoolMin).build();
    }

    /** A copy with {@code threadPoolMax} replaced. */
    public DefaultIoThread withThreadPoolMax(Integer newThreadPoolMax) {
        return toBuilder().threadPoolMax(newThreadPoolMax).build();
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
                && Objects.equals(threadPoolMax, x.threadPoolMax)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threadPoolMin, threadPoolMax, other);
    }

    @Override
    public String toString() {
        return "DefaultIoThread[" + "threadPoolMin=" + threadPoolMin + ", "
                + "threadPoolMax=" + threadPoolMax + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link DefaultIoThread}; not thread-safe. */
    public static final class Builder {
        private Integer threadPoolMin;
        private Integer threadPoolMax;
        private Preserved other;

        private Builder() {
        }

        /** @see DefaultIoThread#threadPoolMin() */
        public Builder threadPoolMin(Integer value) {
            this.threadPoolMin = value;
            return this;
        }

        /** @see DefaultIoThread#threadPoolMax() */
        public Builder threadPoolMax(Integer value) {
            this.threadPoolMax = value;
            return this;
        }

        /** @see DefaultIoThread#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public DefaultIoThread build() {
            return new DefaultIoThread(this);
        }
    }
}
