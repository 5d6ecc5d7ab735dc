package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <clock><timer>} entry (libvirt's virDomainTimerDef).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Timer {
    private final String name;
    private final String present;
    private final String tickpolicy;
    private final String track;
    private final Long frequency;
    private final String mode;
    private final Integer catchupThreshold;
    private final Integer catchupSlew;
    private final Integer catchupLimit;
    private final Preserved other;

    Timer(TimerBuilder b) {
        this.name = b.name;
        this.present = b.present;
        this.tickpolicy = b.tickpolicy;
        this.track = b.track;
        this.frequency = b.frequency;
        this.mode = b.mode;
        this.catchupThreshold = b.catchupThreshold;
        this.catchupSlew = b.catchupSlew;
        this.catchupLimit = b.catchupLimit;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static TimerBuilder builder() {
        return new TimerBuilder();
    }

    /** A builder holding this object's values. */
    public TimerBuilder toBuilder() {
        return new TimerBuilder(this);
    }

    /** {@code platform}, {@code pit}, {@code rtc}, {@code hpet}, {@code tsc}, {@code kvmclock}, {@code hypervclock}, {@code armvtimer} */
    public String name() {
        return name;
    }

    /** {@code yes}/{@code no}, or null */
    public String present() {
        return present;
    }

    /** {@code delay}, {@code catchup}, {@code merge}, {@code discard}, or null */
    public String tickpolicy() {
        return tickpolicy;
    }

    /** {@code boot}, {@code guest}, {@code wall}, {@code realtime} (rtc), or null */
    public String track() {
        return track;
    }

    /** the tsc frequency in Hz, or null */
    public Long frequency() {
        return frequency;
    }

    /** {@code auto}, {@code native}, {@code emulate}, {@code paravirt}, {@code smpsafe} (tsc), or null */
    public String mode() {
        return mode;
    }

    /** {@code <catchup threshold=>}, or null */
    public Integer catchupThreshold() {
        return catchupThreshold;
    }

    /** {@code <catchup slew=>}, or null */
    public Integer catchupSlew() {
        return catchupSlew;
    }

    /** {@code <catchup limit=>}, or null */
    public Integer catchupLimit() {
        return catchupLimit;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code name} replaced. */
    public Timer withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code other} replaced. */
    public Timer withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Timer x)) {
            return false;
        }
        return Objects.equals(name, x.name) && Objects.equals(present, x.present)
                && Objects.equals(tickpolicy, x.tickpolicy) && Objects.equals(track, x.track)
                && Objects.equals(frequency, x.frequency) && Objects.equals(mode, x.mode)
                && Objects.equals(catchupThreshold, x.catchupThreshold)
                && Objects.equals(catchupSlew, x.catchupSlew) && Objects.equals(catchupLimit, x.catchupLimit)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, present, tickpolicy, track, frequency, mode, catchupThreshold, catchupSlew,
                catchupLimit, other);
    }

    @Override
    public String toString() {
        return "Timer[name=" + name + ", present=" + present + ", tickpolicy=" + tickpolicy
                + ", track=" + track + ", frequency=" + frequency + ", mode=" + mode
                + ", catchupThreshold=" + catchupThreshold + ", catchupSlew=" + catchupSlew
                + ", catchupLimit=" + catchupLimit + ", other=" + other + "]";
    }

}
