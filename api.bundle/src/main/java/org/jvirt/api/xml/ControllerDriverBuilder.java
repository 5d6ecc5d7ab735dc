package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link ControllerDriver}: from {@link ControllerDriver#builder()} or {@link ControllerDriver#toBuilder()}; not thread-safe. */
public final class ControllerDriverBuilder {
    Integer queues;
    Integer cmdPerLun;
    Integer maxSectors;
    String ioeventfd;
    Integer iothread;
    String iommu;
    String ats;
    String packed;
    String pagePerVq;
    List<IothreadQueues> iothreads;
    Preserved other;

    ControllerDriverBuilder() {
    }

    ControllerDriverBuilder(ControllerDriver from) {
        queues = from.queues();
        cmdPerLun = from.cmdPerLun();
        maxSectors = from.maxSectors();
        ioeventfd = from.ioeventfd();
        iothread = from.iothread();
        iommu = from.iommu();
        ats = from.ats();
        packed = from.packed();
        pagePerVq = from.pagePerVq();
        iothreads = from.iothreads();
        other = from.other();
    }

    /** @see ControllerDriver#queues() */
    public ControllerDriverBuilder queues(Integer value) {
        this.queues = value;
        return this;
    }

    /** @see ControllerDriver#cmdPerLun() */
    public ControllerDriverBuilder cmdPerLun(Integer value) {
        this.cmdPerLun = value;
        return this;
    }

    /** @see ControllerDriver#maxSectors() */
    public ControllerDriverBuilder maxSectors(Integer value) {
        this.maxSectors = value;
        return this;
    }

    /** @see ControllerDriver#ioeventfd() */
    public ControllerDriverBuilder ioeventfd(String value) {
        this.ioeventfd = value;
        return this;
    }

    /** @see ControllerDriver#iothread() */
    public ControllerDriverBuilder iothread(Integer value) {
        this.iothread = value;
        return this;
    }

    /** @see ControllerDriver#iommu() */
    public ControllerDriverBuilder iommu(String value) {
        this.iommu = value;
        return this;
    }

    /** @see ControllerDriver#ats() */
    public ControllerDriverBuilder ats(String value) {
        this.ats = value;
        return this;
    }

    /** @see ControllerDriver#packed() */
    public ControllerDriverBuilder packed(String value) {
        this.packed = value;
        return this;
    }

    /** @see ControllerDriver#pagePerVq() */
    public ControllerDriverBuilder pagePerVq(String value) {
        this.pagePerVq = value;
        return this;
    }

    /** @see ControllerDriver#iothreads() */
    public ControllerDriverBuilder iothreads(List<IothreadQueues> value) {
        this.iothreads = value;
        return this;
    }

    /** @see ControllerDriver#other() */
    public ControllerDriverBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public ControllerDriver build() {
        return new ControllerDriver(this);
    }
}
