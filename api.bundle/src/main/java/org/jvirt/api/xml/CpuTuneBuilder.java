package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link CpuTune}: from {@link CpuTune#builder()} or {@link CpuTune#toBuilder()}; not thread-safe. */
public final class CpuTuneBuilder {
    Long shares;
    Long period;
    Long quota;
    List<VcpuPin> vcpuPins;
    String emulatorPin;
    Long globalPeriod;
    Long globalQuota;
    Long emulatorPeriod;
    Long emulatorQuota;
    Long iothreadPeriod;
    Long iothreadQuota;
    List<CpuTune.IoThreadPin> iothreadPins;
    CpuTune.Sched emulatorSched;
    List<CpuTune.Sched> vcpuScheds;
    List<CpuTune.Sched> iothreadScheds;
    Preserved other;

    CpuTuneBuilder() {
    }

    CpuTuneBuilder(CpuTune from) {
        shares = from.shares();
        period = from.period();
        quota = from.quota();
        vcpuPins = from.vcpuPins();
        emulatorPin = from.emulatorPin();
        globalPeriod = from.globalPeriod();
        globalQuota = from.globalQuota();
        emulatorPeriod = from.emulatorPeriod();
        emulatorQuota = from.emulatorQuota();
        iothreadPeriod = from.iothreadPeriod();
        iothreadQuota = from.iothreadQuota();
        iothreadPins = from.iothreadPins();
        emulatorSched = from.emulatorSched();
        vcpuScheds = from.vcpuScheds();
        iothreadScheds = from.iothreadScheds();
        other = from.other();
    }

    /** @see CpuTune#shares() */
    public CpuTuneBuilder shares(Long value) {
        this.shares = value;
        return this;
    }

    /** @see CpuTune#period() */
    public CpuTuneBuilder period(Long value) {
        this.period = value;
        return this;
    }

    /** @see CpuTune#quota() */
    public CpuTuneBuilder quota(Long value) {
        this.quota = value;
        return this;
    }

    /** @see CpuTune#vcpuPins() */
    public CpuTuneBuilder vcpuPins(List<VcpuPin> value) {
        this.vcpuPins = value;
        return this;
    }

    /** @see CpuTune#emulatorPin() */
    public CpuTuneBuilder emulatorPin(String value) {
        this.emulatorPin = value;
        return this;
    }

    /** @see CpuTune#globalPeriod() */
    public CpuTuneBuilder globalPeriod(Long value) {
        this.globalPeriod = value;
        return this;
    }

    /** @see CpuTune#globalQuota() */
    public CpuTuneBuilder globalQuota(Long value) {
        this.globalQuota = value;
        return this;
    }

    /** @see CpuTune#emulatorPeriod() */
    public CpuTuneBuilder emulatorPeriod(Long value) {
        this.emulatorPeriod = value;
        return this;
    }

    /** @see CpuTune#emulatorQuota() */
    public CpuTuneBuilder emulatorQuota(Long value) {
        this.emulatorQuota = value;
        return this;
    }

    /** @see CpuTune#iothreadPeriod() */
    public CpuTuneBuilder iothreadPeriod(Long value) {
        this.iothreadPeriod = value;
        return this;
    }

    /** @see CpuTune#iothreadQuota() */
    public CpuTuneBuilder iothreadQuota(Long value) {
        this.iothreadQuota = value;
        return this;
    }

    /** @see CpuTune#iothreadPins() */
    public CpuTuneBuilder iothreadPins(List<CpuTune.IoThreadPin> value) {
        this.iothreadPins = value;
        return this;
    }

    /** @see CpuTune#emulatorSched() */
    public CpuTuneBuilder emulatorSched(CpuTune.Sched value) {
        this.emulatorSched = value;
        return this;
    }

    /** @see CpuTune#vcpuScheds() */
    public CpuTuneBuilder vcpuScheds(List<CpuTune.Sched> value) {
        this.vcpuScheds = value;
        return this;
    }

    /** @see CpuTune#iothreadScheds() */
    public CpuTuneBuilder iothreadScheds(List<CpuTune.Sched> value) {
        this.iothreadScheds = value;
        return this;
    }

    /** @see CpuTune#other() */
    public CpuTuneBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public CpuTune build() {
        return new CpuTune(this);
    }
}
