package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <clock>} element.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    Clock(ClockBuilder b) {
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
    public static ClockBuilder builder() {
        return new ClockBuilder();
    }

    /** A builder holding this object's values. */
    public ClockBuilder toBuilder() {
        return new ClockBuilder(this);
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
        return Objects.equals(offset, x.offset) && Objects.equals(adjustment, x.adjustment)
                && adjustmentReset == x.adjustmentReset && Objects.equals(basis, x.basis)
                && Objects.equals(timezone, x.timezone) && Objects.equals(timers, x.timers)
                && Objects.equals(start, x.start) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, adjustment, adjustmentReset, basis, timezone, timers, start, other);
    }

    @Override
    public String toString() {
        return "Clock[offset=" + offset + ", adjustment=" + adjustment
                + ", adjustmentReset=" + adjustmentReset + ", basis=" + basis + ", timezone=" + timezone
                + ", timers=" + timers + ", start=" + start + ", other=" + other + "]";
    }

}
