package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <cputune>} element. Numbers are null when absent.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class CpuTune {
    private final Long shares;
    private final Long period;
    private final Long quota;
    private final List<VcpuPin> vcpuPins;
    private final String emulatorPin;
    private final Long globalPeriod;
    private final Long globalQuota;
    private final Long emulatorPeriod;
    private final Long emulatorQuota;
    private final Long iothreadPeriod;
    private final Long iothreadQuota;
    private final List<IoThreadPin> iothreadPins;
    private final Sched emulatorSched;
    private final List<Sched> vcpuScheds;
    private final List<Sched> iothreadScheds;
    private final Preserved other;

    private CpuTune(Builder b) {
        this.shares = b.shares;
        this.period = b.period;
        this.quota = b.quota;
        this.vcpuPins = List.copyOf(b.vcpuPins == null ? List.of() : b.vcpuPins);
        this.emulatorPin = b.emulatorPin;
        this.globalPeriod = b.globalPeriod;
        this.globalQuota = b.globalQuota;
        this.emulatorPeriod = b.emulatorPeriod;
        this.emulatorQuota = b.emulatorQuota;
        this.iothreadPeriod = b.iothreadPeriod;
        this.iothreadQuota = b.iothreadQuota;
        this.iothreadPins = List.copyOf(b.iothreadPins == null ? List.of() : b.iothreadPins);
        this.emulatorSched = b.emulatorSched;
        this.vcpuScheds = List.copyOf(b.vcpuScheds == null ? List.of() : b.vcpuScheds);
        this.iothreadScheds = List.copyOf(b.iothreadScheds == null ? List.of() : b.iothreadScheds);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.shares = shares;
        b.period = period;
        b.quota = quota;
        b.vcpuPins = vcpuPins;
        b.emulatorPin = emulatorPin;
        b.globalPeriod = globalPeriod;
        b.globalQuota = globalQuota;
        b.emulatorPeriod = emulatorPeriod;
        b.emulatorQuota = emulatorQuota;
        b.iothreadPeriod = iothreadPeriod;
        b.iothreadQuota = iothreadQuota;
        b.iothreadPins = iothreadPins;
        b.emulatorSched = emulatorSched;
        b.vcpuScheds = vcpuScheds;
        b.iothreadScheds = iothreadScheds;
        b.other = other;
        return b;
    }

    /** {@code <shares>} */
    public Long shares() {
        return shares;
    }

    /** {@code <period>} in microseconds */
    public Long period() {
        return period;
    }

    /** {@code <quota>} in microseconds (may be negative) */
    public Long quota() {
        return quota;
    }

    /** {@code <vcpupin>} entries */
    public List<VcpuPin> vcpuPins() {
        return vcpuPins;
    }

    /** {@code <emulatorpin cpuset=>}, or null */
    public String emulatorPin() {
        return emulatorPin;
    }

    /** {@code <global_period>} in microseconds */
    public Long globalPeriod() {
        return globalPeriod;
    }

    /** {@code <global_quota>} in microseconds (may be negative) */
    public Long globalQuota() {
        return globalQuota;
    }

    /** {@code <emulator_period>} in microseconds */
    public Long emulatorPeriod() {
        return emulatorPeriod;
    }

    /** {@code <emulator_quota>} in microseconds (may be negative) */
    public Long emulatorQuota() {
        return emulatorQuota;
    }

    /** {@code <iothread_period>} in microseconds */
    public Long iothreadPeriod() {
        return iothreadPeriod;
    }

    /** {@code <iothread_quota>} in microseconds (may be negative) */
    public Long iothreadQuota() {
        return iothreadQuota;
    }

    /** {@code <iothreadpin>} entries */
    public List<IoThreadPin> iothreadPins() {
        return iothreadPins;
    }

    /** {@code <emulatorsched>}, or null */
    public Sched emulatorSched() {
        return emulatorSched;
    }

    /** {@code <vcpusched>}, one entry per vCPU in id order (libvirt splits ranges) */
    public List<Sched> vcpuScheds() {
        return vcpuScheds;
    }

    /** {@code <iothreadsched>}, one entry per IOThread in id order */
    public List<Sched> iothreadScheds() {
        return iothreadScheds;
    }

    /** the rest of cputune (cachetune, memorytune), kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code shares} replaced. */
    public CpuTune withShares(Long newShares) {
        return toBuilder().shares(newShares).build();
    }

    /** A copy with {@code period} replaced. */
    public CpuTune withPeriod(Long newPeriod) {
        return toBuilder().period(newPeriod).build();
    }

    /** A copy with {@code quota} replaced. */
    public CpuTune withQuota(Long newQuota) {
        return toBuilder().quota(newQuota).build();
    }

    /** A copy with {@code vcpuPins} replaced. */
    public CpuTune withVcpuPins(List<VcpuPin> newVcpuPins) {
        return toBuilder().vcpuPins(newVcpuPins).build();
    }

    /** A copy with {@code emulatorPin} replaced. */
    public CpuTune withEmulatorPin(String newEmulatorPin) {
        return toBuilder().emulatorPin(newEmulatorPin).build();
    }

    /** A copy with {@code globalPeriod} replaced. */
    public CpuTune withGlobalPeriod(Long newGlobalPeriod) {
        return toBuilder().globalPeriod(newGlobalPeriod).build();
    }

    /** A copy with {@code globalQuota} replaced. */
    public CpuTune withGlobalQuota(Long newGlobalQuota) {
        return toBuilder().globalQuota(newGlobalQuota).build();
    }

    /** A copy with {@code emulatorPeriod} replaced. */
    public CpuTune withEmulatorPeriod(Long newEmulatorPeriod) {
        return toBuilder().emulatorPeriod(newEmulatorPeriod).build();
    }

    /** A copy with {@code emulatorQuota} replaced. */
    public CpuTune withEmulatorQuota(Long newEmulatorQuota) {
        return toBuilder().emulatorQuota(newEmulatorQuota).build();
    }

    /** A copy with {@code iothreadPeriod} replaced. */
    public CpuTune withIothreadPeriod(Long newIothreadPeriod) {
        return toBuilder().iothreadPeriod(newIothreadPeriod).build();
    }

    /** A copy with {@code iothreadQuota} replaced. */
    public CpuTune withIothreadQuota(Long newIothreadQuota) {
        return toBuilder().iothreadQuota(newIothreadQuota).build();
    }

    /** A copy with {@code iothreadPins} replaced. */
    public CpuTune withIothreadPins(List<IoThreadPin> newIothreadPins) {
        return toBuilder().iothreadPins(newIothreadPins).build();
    }

    /** A copy with {@code emulatorSched} replaced. */
    public CpuTune withEmulatorSched(Sched newEmulatorSched) {
        return toBuilder().emulatorSched(newEmulatorSched).build();
    }

    /** A copy with {@code vcpuScheds} replaced. */
    public CpuTune withVcpuScheds(List<Sched> newVcpuScheds) {
        return toBuilder().vcpuScheds(newVcpuScheds).build();
    }

    /** A copy with {@code iothreadScheds} replaced. */
    public CpuTune withIothreadScheds(List<Sched> newIothreadScheds) {
        return toBuilder().iothreadScheds(newIothreadScheds).build();
    }

    /** A copy with {@code other} replaced. */
    public CpuTune withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <iothreadpin iothread= cpuset=/>}.
     *
     * @param iothread the IOThread id
     * @param cpuset   the host CPUs (canonical bitmap syntax)
     */
    public record IoThreadPin(int iothread, String cpuset) {
    }

    /**
     * {@code <vcpusched>}, {@code <iothreadsched>} or {@code <emulatorsched>}.
     *
     * @param id        the vCPU or IOThread id; null for the emulator
     * @param scheduler {@code batch}, {@code idle}, {@code fifo}, {@code rr}
     * @param priority  the real-time priority ({@code fifo}/{@code rr}), or null
     */
    public record Sched(Integer id, String scheduler, Integer priority) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CpuTune x)) {
            return false;
        }
        return Objects.equals(shares, x.shares)
                && Objects.equals(period, x.period)
                && Objects.equals(quota, x.quota)
                && Objects.equals(vcpuPins, x.vcpuPins)
                && Objects.equals(emulatorPin, x.emulatorPin)
                && Objects.equals(globalPeriod, x.globalPeriod)
                && Objects.equals(globalQuota, x.globalQuota)
                && Objects.equals(emulatorPeriod, x.emulatorPeriod)
                && Objects.equals(emulatorQuota, x.emulatorQuota)
                && Objects.equals(iothreadPeriod, x.iothreadPeriod)
                && Objects.equals(iothreadQuota, x.iothreadQuota)
                && Objects.equals(iothreadPins, x.iothreadPins)
                && Objects.equals(emulatorSched, x.emulatorSched)
                && Objects.equals(vcpuScheds, x.vcpuScheds)
                && Objects.equals(iothreadScheds, x.iothreadScheds)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shares, period, quota, vcpuPins, emulatorPin, globalPeriod, globalQuota, emulatorPeriod, emulatorQuota, iothreadPeriod, iothreadQuota, iothreadPins, emulatorSched, vcpuScheds, iothreadScheds, other);
    }

    @Override
    public String toString() {
        return "CpuTune[" + "shares=" + shares + ", "
                + "period=" + period + ", "
                + "quota=" + quota + ", "
                + "vcpuPins=" + vcpuPins + ", "
                + "emulatorPin=" + emulatorPin + ", "
                + "globalPeriod=" + globalPeriod + ", "
                + "globalQuota=" + globalQuota + ", "
                + "emulatorPeriod=" + emulatorPeriod + ", "
                + "emulatorQuota=" + emulatorQuota + ", "
                + "iothreadPeriod=" + iothreadPeriod + ", "
                + "iothreadQuota=" + iothreadQuota + ", "
                + "iothreadPins=" + iothreadPins + ", "
                + "emulatorSched=" + emulatorSched + ", "
                + "vcpuScheds=" + vcpuScheds + ", "
                + "iothreadScheds=" + iothreadScheds + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link CpuTune}; not thread-safe. */
    public static final class Builder {
        private Long shares;
        private Long period;
        private Long quota;
        private List<VcpuPin> vcpuPins;
        private String emulatorPin;
        private Long globalPeriod;
        private Long globalQuota;
        private Long emulatorPeriod;
        private Long emulatorQuota;
        private Long iothreadPeriod;
        private Long iothreadQuota;
        private List<IoThreadPin> iothreadPins;
        private Sched emulatorSched;
        private List<Sched> vcpuScheds;
        private List<Sched> iothreadScheds;
        private Preserved other;

        private Builder() {
        }

        /** @see CpuTune#shares() */
        public Builder shares(Long value) {
            this.shares = value;
            return this;
        }

        /** @see CpuTune#period() */
        public Builder period(Long value) {
            this.period = value;
            return this;
        }

        /** @see CpuTune#quota() */
        public Builder quota(Long value) {
            this.quota = value;
            return this;
        }

        /** @see CpuTune#vcpuPins() */
        public Builder vcpuPins(List<VcpuPin> value) {
            this.vcpuPins = value;
            return this;
        }

        /** @see CpuTune#emulatorPin() */
        public Builder emulatorPin(String value) {
            this.emulatorPin = value;
            return this;
        }

        /** @see CpuTune#globalPeriod() */
        public Builder globalPeriod(Long value) {
            this.globalPeriod = value;
            return this;
        }

        /** @see CpuTune#globalQuota() */
        public Builder globalQuota(Long value) {
            this.globalQuota = value;
            return this;
        }

        /** @see CpuTune#emulatorPeriod() */
        public Builder emulatorPeriod(Long value) {
            this.emulatorPeriod = value;
            return this;
        }

        /** @see CpuTune#emulatorQuota() */
        public Builder emulatorQuota(Long value) {
            this.emulatorQuota = value;
            return this;
        }

        /** @see CpuTune#iothreadPeriod() */
        public Builder iothreadPeriod(Long value) {
            this.iothreadPeriod = value;
            return this;
        }

        /** @see CpuTune#iothreadQuota() */
        public Builder iothreadQuota(Long value) {
            this.iothreadQuota = value;
            return this;
        }

        /** @see CpuTune#iothreadPins() */
        public Builder iothreadPins(List<IoThreadPin> value) {
            this.iothreadPins = value;
            return this;
        }

        /** @see CpuTune#emulatorSched() */
        public Builder emulatorSched(Sched value) {
            this.emulatorSched = value;
            return this;
        }

        /** @see CpuTune#vcpuScheds() */
        public Builder vcpuScheds(List<Sched> value) {
            this.vcpuScheds = value;
            return this;
        }

        /** @see CpuTune#iothreadScheds() */
        public Builder iothreadScheds(List<Sched> value) {
            this.iothreadScheds = value;
            return this;
        }

        /** @see CpuTune#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public CpuTune build() {
            return new CpuTune(this);
        }
    }
}
