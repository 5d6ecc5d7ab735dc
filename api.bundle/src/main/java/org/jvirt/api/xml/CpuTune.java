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
    private final Preserved other;

    private CpuTune(Builder b) {
        this.shares = b.shares;
        this.period = b.period;
        this.quota = b.quota;
        this.vcpuPins = List.copyOf(b.vcpuPins == null ? List.of() : b.vcpuPins);
        this.emulatorPin = b.emulatorPin;
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

    /** the rest of cputune (global/emulator/iothread periods and quotas, iothreadpin, vcpusched, iothreadsched, cachetune, memorytune), kept verbatim and formatted back in libvirt's order; never null */
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

    /** A copy with {@code other} replaced. */
    public CpuTune withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
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
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shares, period, quota, vcpuPins, emulatorPin, other);
    }

    @Override
    public String toString() {
        return "CpuTune[" + "shares=" + shares + ", "
                + "period=" + period + ", "
                + "quota=" + quota + ", "
                + "vcpuPins=" + vcpuPins + ", "
                + "emulatorPin=" + emulatorPin + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link CpuTune}; not thread-safe. */
    public static final class Builder {
        private Long shares;
        private Long period;
        private Long quota;
        private List<VcpuPin> vcpuPins;
        private String emulatorPin;
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
