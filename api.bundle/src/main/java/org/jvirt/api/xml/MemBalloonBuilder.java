package org.jvirt.api.xml;

/** Collects the values of a {@link MemBalloon}: from {@link MemBalloon#builder()} or {@link MemBalloon#toBuilder()}; not thread-safe. */
public final class MemBalloonBuilder {
    String model;
    String autodeflate;
    String freePageReporting;
    Integer statsPeriod;
    VirtioDriver driver;
    Preserved other;
    DeviceInfo info;

    MemBalloonBuilder() {
    }

    MemBalloonBuilder(MemBalloon from) {
        model = from.model();
        autodeflate = from.autodeflate();
        freePageReporting = from.freePageReporting();
        statsPeriod = from.statsPeriod();
        driver = from.driver();
        other = from.other();
        info = from.info();
    }

    /** @see MemBalloon#model() */
    public MemBalloonBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see MemBalloon#autodeflate() */
    public MemBalloonBuilder autodeflate(String value) {
        this.autodeflate = value;
        return this;
    }

    /** @see MemBalloon#freePageReporting() */
    public MemBalloonBuilder freePageReporting(String value) {
        this.freePageReporting = value;
        return this;
    }

    /** @see MemBalloon#statsPeriod() */
    public MemBalloonBuilder statsPeriod(Integer value) {
        this.statsPeriod = value;
        return this;
    }

    /** @see MemBalloon#driver() */
    public MemBalloonBuilder driver(VirtioDriver value) {
        this.driver = value;
        return this;
    }

    /** @see MemBalloon#other() */
    public MemBalloonBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see MemBalloon#info() */
    public MemBalloonBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public MemBalloon build() {
        return new MemBalloon(this);
    }
}
