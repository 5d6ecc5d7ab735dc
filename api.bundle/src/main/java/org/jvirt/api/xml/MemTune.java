package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <memtune>} element (libvirt's memory cgroup limits). Every limit is in KiB, as libvirt
 * normalises it on parsing; null when not set (or unlimited).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class MemTune {
    private final Long hardLimit;
    private final Long softLimit;
    private final Long swapHardLimit;
    private final Long minGuarantee;
    private final Preserved other;

    private MemTune(Builder b) {
        this.hardLimit = b.hardLimit;
        this.softLimit = b.softLimit;
        this.swapHardLimit = b.swapHardLimit;
        this.minGuarantee = b.minGuarantee;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hardLimit = hardLimit;
        b.softLimit = softLimit;
        b.swapHardLimit = swapHardLimit;
        b.minGuarantee = minGuarantee;
        b.other = other;
        return b;
    }

    /** {@code <hard_limit>} in KiB, or null */
    public Long hardLimit() {
        return hardLimit;
    }

    /** {@code <soft_limit>} in KiB, or null */
    public Long softLimit() {
        return softLimit;
    }

    /** {@code <swap_hard_limit>} in KiB, or null */
    public Long swapHardLimit() {
        return swapHardLimit;
    }

    /** {@code <min_guarantee>} in KiB, or null */
    public Long minGuarantee() {
        return minGuarantee;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code hardLimit} replaced. */
    public MemTune withHardLimit(Long newHardLimit) {
        return toBuilder().hardLimit(newHardLimit).build();
    }

    /** A copy with {@code softLimit} replaced. */
    public MemTune withSoftLimit(Long newSoftLimit) {
        return toBuilder().softLimit(newSoftLimit).build();
    }

    /** A copy with {@code swapHardLimit} replaced. */
    public MemTune withSwapHardLimit(Long newSwapHardLimit) {
        return toBuilder().swapHardLimit(newSwapHardLimit).build();
    }

    /** A copy with {@code minGuarantee} replaced. */
    public MemTune withMinGuarantee(Long newMinGuarantee) {
        return toBuilder().minGuarantee(newMinGuarantee).build();
    }

    /** A copy with {@code other} replaced. */
    public MemTune withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemTune x)) {
            return false;
        }
        return Objects.equals(hardLimit, x.hardLimit)
                && Objects.equals(softLimit, x.softLimit)
                && Objects.equals(swapHardLimit, x.swapHardLimit)
                && Objects.equals(minGuarantee, x.minGuarantee)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hardLimit, softLimit, swapHardLimit, minGuarantee, other);
    }

    @Override
    public String toString() {
        return "MemTune[" + "hardLimit=" + hardLimit + ", "
                + "softLimit=" + softLimit + ", "
                + "swapHardLimit=" + swapHardLimit + ", "
                + "minGuarantee=" + minGuarantee + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link MemTune}; not thread-safe. */
    public static final class Builder {
        private Long hardLimit;
        private Long softLimit;
        private Long swapHardLimit;
        private Long minGuarantee;
        private Preserved other;

        private Builder() {
        }

        /** @see MemTune#hardLimit() */
        public Builder hardLimit(Long value) {
            this.hardLimit = value;
            return this;
        }

        /** @see MemTune#softLimit() */
        public Builder softLimit(Long value) {
            this.softLimit = value;
            return this;
        }

        /** @see MemTune#swapHardLimit() */
        public Builder swapHardLimit(Long value) {
            this.swapHardLimit = value;
            return this;
        }

        /** @see MemTune#minGuarantee() */
        public Builder minGuarantee(Long value) {
            this.minGuarantee = value;
            return this;
        }

        /** @see MemTune#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public MemTune build() {
            return new MemTune(this);
        }
    }
}
