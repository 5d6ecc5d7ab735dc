package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <clock>} element.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Clock {
    private final String offset;
    private final Long adjustment;
    private final boolean adjustmentReset;
    private final String basis;
    private final String timezone;
    private final List<Timer> timers;
    private final Long start;
    private final Preserved other;

    private Clock(Builder b) {
        this.offset = b.offset;
        this.adjustment = b.adjustment;
        this.adjustmentReset = b.adjustmentReset;
        this.basis = b.basis;
        this.timezone = b.timezone;
        this.timers = List.copyOf(b.timers == null ? List.of() : b.timers);
        this.start = b.start;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.offset = offset;
        b.adjustment = adjustment;
        b.adjustmentReset = adjustmentReset;
        b.basis = basis;
        b.timezone = timezone;
        b.timers = timers;
        b.start = start;
        b.other = other;
        return b;
    }

    /** {@code utc}, {@code localtime}, {@code timezone}, {@code variable}, {@code absolute} */
    public String offset() {
        return offset;
    }

    /** for {@code variable}: the offset in seconds; null otherwise */
    public Long adjustment() {
        return adjustment;
    }

    /** {@code adjustment='reset'} of a {@code utc}/{@code localtime} clock */
    public boolean adjustmentReset() {
        return adjustmentReset;
    }

    /** for {@code variable}: {@code utc}/{@code localtime}; null otherwise */
    public String basis() {
        return basis;
    }

    /** for {@code timezone}: the zone; null otherwise */
    public String timezone() {
        return timezone;
    }

    /** the {@code <timer>} entries in order */
    public List<Timer> timers() {
        return timers;
    }

    /** for {@code absolute}: the epoch seconds the guest clock starts at; null otherwise */
    public Long start() {
        return start;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code offset} replaced. */
    public Clock withOffset(String newOffset) {
        return toBuilder().offset(newOffset).build();
    }

    /** A copy with {@code adjustment} replaced. */
    public Clock withAdjustment(Long newAdjustment) {
        return toBuilder().adjustment(newAdjustment).build();
    }

    /** A copy with {@code adjustmentReset} replaced. */
    public Clock withAdjustmentReset(boolean newAdjustmentReset) {
        return toBuilder().adjustmentReset(newAdjustmentReset).build();
    }

    /** A copy with {@code basis} replaced. */
    public Clock withBasis(String newBasis) {
        return toBuilder().basis(newBasis).build();
    }

    /** A copy with {@code timezone} replaced. */
    public Clock withTimezone(String newTimezone) {
        return toBuilder().timezone(newTimezone).build();
    }

    /** A copy with {@code timers} replaced. */
    public Clock withTimers(List<Timer> newTimers) {
        return toBuilder().timers(newTimers).build();
    }

    /** A copy with {@code start} replaced. */
    public Clock withStart(Long newStart) {
        return toBuilder().start(newStart).build();
    }

    /** A copy with {@code other} replaced. */
    public Clock withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** {@code <clock offset='utc'/>}. */
    public static Clock utc() {
        return builder().offset("utc").build();
    }

    /** The timer named {@code name} ({@code rtc}, {@code pit}, {@code hpet}, {@code kvmclock} ...), or null. */
    public Timer timer(String name) {
        return timers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Clock x)) {
            return false;
        }
        return Objects.equals(offset, x.offset)
                && Objects.equals(adjustment, x.adjustment)
                && adjustmentReset == x.adjustmentReset
                && Objects.equals(basis, x.basis)
                && Objects.equals(timezone, x.timezone)
                && Objects.equals(timers, x.timers)
                && Objects.equals(start, x.start)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, adjustment, adjustmentReset, basis, timezone, timers, start, other);
    }

    @Override
    public String toString() {
        return "Clock[" + "offset=" + offset + ", "
                + "adjustment=" + adjustment + ", "
                + "adjustmentReset=" + adjustmentReset + ", "
                + "basis=" + basis + ", "
                + "timezone=" + timezone + ", "
                + "timers=" + timers + ", "
                + "start=" + start + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Clock}; not thread-safe. */
    public static final class Builder {
        private String offset;
        private Long adjustment;
        private boolean adjustmentReset;
        private String basis;
        private String timezone;
        private List<Timer> timers;
        private Long start;
        private Preserved other;

        private Builder() {
        }

        /** @see Clock#offset() */
        public Builder offset(String value) {
            this.offset = value;
            return this;
        }

        /** @see Clock#adjustment() */
        public Builder adjustment(Long value) {
            this.adjustment = value;
            return this;
        }

        /** @see Clock#adjustmentReset() */
        public Builder adjustmentReset(boolean value) {
            this.adjustmentReset = value;
            return this;
        }

        /** @see Clock#basis() */
        public Builder basis(String value) {
            this.basis = value;
            return this;
        }

        /** @see Clock#timezone() */
        public Builder timezone(String value) {
            this.timezone = value;
            return this;
        }

        /** @see Clock#timers() */
        public Builder timers(List<Timer> value) {
            this.timers = value;
            return this;
        }

        /** @see Clock#start() */
        public Builder start(Long value) {
            this.start = value;
            return this;
        }

        /** @see Clock#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Clock build() {
            return new Clock(this);
        }
    }
}
