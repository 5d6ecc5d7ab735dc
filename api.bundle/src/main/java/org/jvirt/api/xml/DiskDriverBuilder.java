package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link DiskDriver}: from {@link DiskDriver#builder()} or {@link DiskDriver#toBuilder()}; not thread-safe. */
public final class DiskDriverBuilder {
    String name;
    String type;
    String cache;
    String errorPolicy;
    String rerrorPolicy;
    String io;
    String ioeventfd;
    String eventIdx;
    String copyOnRead;
    String discard;
    Integer iothread;
    String detectZeroes;
    String discardNoUnref;
    Integer queues;
    Integer queueSize;
    String iommu;
    String ats;
    String packed;
    String pagePerVq;
    List<IothreadQueues> iothreads;
    Preserved other;

    DiskDriverBuilder() {
    }

    DiskDriverBuilder(DiskDriver from) {
        name = from.name();
        type = from.type();
        cache = from.cache();
        errorPolicy = from.errorPolicy();
        rerrorPolicy = from.rerrorPolicy();
        io = from.io();
        ioeventfd = from.ioeventfd();
        eventIdx = from.eventIdx();
        copyOnRead = from.copyOnRead();
        discard = from.discard();
        iothread = from.iothread();
        detectZeroes = from.detectZeroes();
        discardNoUnref = from.discardNoUnref();
        queues = from.queues();
        queueSize = from.queueSize();
        iommu = from.iommu();
        ats = from.ats();
        packed = from.packed();
        pagePerVq = from.pagePerVq();
        iothreads = from.iothreads();
        other = from.other();
    }

    /** @see DiskDriver#name() */
    public DiskDriverBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see DiskDriver#type() */
    public DiskDriverBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see DiskDriver#cache() */
    public DiskDriverBuilder cache(String value) {
        this.cache = value;
        return this;
    }

    /** @see DiskDriver#errorPolicy() */
    public DiskDriverBuilder errorPolicy(String value) {
        this.errorPolicy = value;
        return this;
    }

    /** @see DiskDriver#rerrorPolicy() */
    public DiskDriverBuilder rerrorPolicy(String value) {
        this.rerrorPolicy = value;
        return this;
    }

    /** @see DiskDriver#io() */
    public DiskDriverBuilder io(String value) {
        this.io = value;
        return this;
    }

    /** @see DiskDriver#ioeventfd() */
    public DiskDriverBuilder ioeventfd(String value) {
        this.ioeventfd = value;
        return this;
    }

    /** @see DiskDriver#eventIdx() */
    public DiskDriverBuilder eventIdx(String value) {
        this.eventIdx = value;
        return this;
    }

    /** @see DiskDriver#copyOnRead() */
    public DiskDriverBuilder copyOnRead(String value) {
        this.copyOnRead = value;
        return this;
    }

    /** @see DiskDriver#discard() */
    public DiskDriverBuilder discard(String value) {
        this.discard = value;
        return this;
    }

    /** @see DiskDriver#iothread() */
    public DiskDriverBuilder iothread(Integer value) {
        this.iothread = value;
        return this;
    }

    /** @see DiskDriver#detectZeroes() */
    public DiskDriverBuilder detectZeroes(String value) {
        this.detectZeroes = value;
        return this;
    }

    /** @see DiskDriver#discardNoUnref() */
    public DiskDriverBuilder discardNoUnref(String value) {
        this.discardNoUnref = value;
        return this;
    }

    /** @see DiskDriver#queues() */
    public DiskDriverBuilder queues(Integer value) {
        this.queues = value;
        return this;
    }

    /** @see DiskDriver#queueSize() */
    public DiskDriverBuilder queueSize(Integer value) {
        this.queueSize = value;
        return this;
    }

    /** @see DiskDriver#iommu() */
    public DiskDriverBuilder iommu(String value) {
        this.iommu = value;
        return this;
    }

    /** @see DiskDriver#ats() */
    public DiskDriverBuilder ats(String value) {
        this.ats = value;
        return this;
    }

    /** @see DiskDriver#packed() */
    public DiskDriverBuilder packed(String value) {
        this.packed = value;
        return this;
    }

    /** @see DiskDriver#pagePerVq() */
    public DiskDriverBuilder pagePerVq(String value) {
        this.pagePerVq = value;
        return this;
    }

    /** @see DiskDriver#iothreads() */
    public DiskDriverBuilder iothreads(List<IothreadQueues> value) {
        this.iothreads = value;
        return this;
    }

    /** @see DiskDriver#other() */
    public DiskDriverBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public DiskDriver build() {
        return new DiskDriver(this);
    }
}
