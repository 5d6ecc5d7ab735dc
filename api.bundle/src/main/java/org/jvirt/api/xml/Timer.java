package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <clock><timer>} entry (libvirt's virDomainTimerDef).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private Timer(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.present = present;
        b.tickpolicy = tickpolicy;
        b.track = track;
        b.frequency = frequency;
        b.mode = mode;
        b.catchupThreshold = catchupThreshold;
        b.catchupSlew = catchupSlew;
        b.catchupLimit = catchupLimit;
        b.other = other;
        return b;
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

    /** A copy with {@code present} replaced. */
    public Timer withPresent(String newPresent) {
        return toBuilder().present(newPresent).build();
    }

    /** A copy with {@code tickpolicy} replaced. */
    public Timer withTickpolicy(String newTickpolicy) {
        return toBuilder().tickpolicy(newTickpolicy).build();
    }

    /** A copy with {@code track} replaced. */
    public Timer withTrack(String newTrack) {
        return toBuilder().track(newTrack).build();
    }

    /** A copy with {@code frequency} replaced. */
    public Timer withFrequency(Long newFrequency) {
        return toBuilder().frequency(newFrequency).build();
    }

    /** A copy with {@code mode} replaced. */
    public Timer withMode(String newMode) {
        return toBuilder().mode(newMode).build();
    }

    /** A copy with {@code catchupThreshold} replaced. */
    public Timer withCatchupThreshold(Integer newCatchupThreshold) {
        return toBuilder().catchupThreshold(newCatchupThreshold).build();
    }

    /** A copy with {@code catchupSlew} replaced. */
    public Timer withCatchupSlew(Integer newCatchupSlew) {
        return toBuilder().catchupSlew(newCatchupSlew).build();
    }

    /** A copy with {@code catchupLimit} replaced. */
    public Timer withCatchupLimit(Integer newCatchupLimit) {
        return toBuilder().catchupLimit(newCatchupLimit).build();
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
        return Objects.equals(name, x.name)
                && Objects.equals(present, x.present)
                && Objects.equals(tickpolicy, x.tickpolicy)
                && Objects.equals(track, x.track)
                && Objects.equals(frequency, x.frequency)
                && Objects.equals(mode, x.mode)
                && Objects.equals(catchupThreshold, x.catchupThreshold)
                && Objects.equals(catchupSlew, x.catchupSlew)
                && Objects.equals(catchupLimit, x.catchupLimit)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, present, tickpolicy, track, frequency, mode, catchupThreshold, catchupSlew, catchupLimit, other);
    }

    @Override
    public String toString() {
        return "Timer[" + "name=" + name + ", "
                + "present=" + present + ", "
                + "tickpolicy=" + tickpolicy + ", "
                + "track=" + track + ", "
                + "frequency=" + frequency + ", "
                + "mode=" + mode + ", "
                + "catchupThreshold=" + catchupThreshold + ", "
                + "catchupSlew=" + catchupSlew + ", "
                + "catchupLimit=" + catchupLimit + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Timer}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String present;
        private String tickpolicy;
        private String track;
        private Long frequency;
        private String mode;
        private Integer catchupThreshold;
        private Integer catchupSlew;
        private Integer catchupLimit;
        private Preserved other;

        private Builder() {
        }

        /** @see Timer#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see Timer#present() */
        public Builder present(String value) {
            this.present = value;
            return this;
        }

        /** @see Timer#tickpolicy() */
        public Builder tickpolicy(String value) {
            this.tickpolicy = value;
            return this;
        }

        /** @see Timer#track() */
        public Builder track(String value) {
            this.track = value;
            return this;
        }

        /** @see Timer#frequency() */
        public Builder frequency(Long value) {
            this.frequency = value;
            return this;
        }

        /** @see Timer#mode() */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /** @see Timer#catchupThreshold() */
        public Builder catchupThreshold(Integer value) {
            this.catchupThreshold = value;
            return this;
        }

        /** @see Timer#catchupSlew() */
        public Builder catchupSlew(Integer value) {
            this.catchupSlew = value;
            return this;
        }

        /** @see Timer#catchupLimit() */
        public Builder catchupLimit(Integer value) {
            this.catchupLimit = value;
            return this;
        }

        /** @see Timer#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Timer build() {
            return new Timer(this);
        }
    }
}
