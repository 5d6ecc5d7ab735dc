package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <memtune>} element (libvirt's memory cgroup limits). Every limit is in KiB, as libvirt
 * normalises it on parsing; null when not set (or unlimited).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class MemTune {
    private final Long hardLimit;
    private final Long softLimit;
    private final Long swapHardLimit;
    private final Long minGuarantee;
    private final Preserved other;

    MemTune(MemTuneBuilder b) {
        this.hardLimit = b.hardLimit;
        this.softLimit = b.softLimit;
        this.swapHardLimit = b.swapHardLimit;
        this.minGuarantee = b.minGuarantee;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static MemTuneBuilder builder() {
        return new MemTuneBuilder();
    }

    /** A builder holding this object's values. */
    public MemTuneBuilder toBuilder() {
        return new MemTuneBuilder(this);
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
        return Objects.equals(hardLimit, x.hardLimit) && Objects.equals(softLimit, x.softLimit)
                && Objects.equals(swapHardLimit, x.swapHardLimit)
                && Objects.equals(minGuarantee, x.minGuarantee) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hardLimit, softLimit, swapHardLimit, minGuarantee, other);
    }

    @Override
    public String toString() {
        return "MemTune[hardLimit=" + hardLimit + ", softLimit=" + softLimit
                + ", swapHardLimit=" + swapHardLimit + ", minGuarantee=" + minGuarantee
                + ", other=" + other + "]";
    }

}
