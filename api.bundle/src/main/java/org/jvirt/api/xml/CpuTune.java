package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <cputune>} element. Numbers are null when absent.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    CpuTune(CpuTuneBuilder b) {
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
    public static CpuTuneBuilder builder() {
        return new CpuTuneBuilder();
    }

    /** A builder holding this object's values. */
    public CpuTuneBuilder toBuilder() {
        return new CpuTuneBuilder(this);
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

    /** A copy with {@code vcpuPins} replaced. */
    public CpuTune withVcpuPins(List<VcpuPin> newVcpuPins) {
        return toBuilder().vcpuPins(newVcpuPins).build();
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
        return Objects.equals(shares, x.shares) && Objects.equals(period, x.period)
                && Objects.equals(quota, x.quota) && Objects.equals(vcpuPins, x.vcpuPins)
                && Objects.equals(emulatorPin, x.emulatorPin) && Objects.equals(globalPeriod, x.globalPeriod)
                && Objects.equals(globalQuota, x.globalQuota)
                && Objects.equals(emulatorPeriod, x.emulatorPeriod)
                && Objects.equals(emulatorQuota, x.emulatorQuota)
                && Objects.equals(iothreadPeriod, x.iothreadPeriod)
                && Objects.equals(iothreadQuota, x.iothreadQuota)
                && Objects.equals(iothreadPins, x.iothreadPins)
                && Objects.equals(emulatorSched, x.emulatorSched) && Objects.equals(vcpuScheds, x.vcpuScheds)
                && Objects.equals(iothreadScheds, x.iothreadScheds) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shares, period, quota, vcpuPins, emulatorPin, globalPeriod, globalQuota,
                emulatorPeriod, emulatorQuota, iothreadPeriod, iothreadQuota, iothreadPins, emulatorSched,
                vcpuScheds, iothreadScheds, other);
    }

    @Override
    public String toString() {
        return "CpuTune[shares=" + shares + ", period=" + period + ", quota=" + quota
                + ", vcpuPins=" + vcpuPins + ", emulatorPin=" + emulatorPin + ", globalPeriod=" + globalPeriod
                + ", globalQuota=" + globalQuota + ", emulatorPeriod=" + emulatorPeriod
                + ", emulatorQuota=" + emulatorQuota + ", iothreadPeriod=" + iothreadPeriod
                + ", iothreadQuota=" + iothreadQuota + ", iothreadPins=" + iothreadPins
                + ", emulatorSched=" + emulatorSched + ", vcpuScheds=" + vcpuScheds
                + ", iothreadScheds=" + iothreadScheds + ", other=" + other + "]";
    }

}
