package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Cpu}: from {@link Cpu#builder()} or {@link Cpu#toBuilder()}; not thread-safe. */
public final class CpuBuilder {
    String mode;
    String match;
    String check;
    String model;
    String modelFallback;
    String vendor;
    Cpu.Topology topology;
    List<Cpu.Feature> features;
    String migratable;
    String deprecatedFeatures;
    Cpu.Cache cache;
    Cpu.MaxPhysAddr maxPhysAddr;
    List<NumaCell> numaCells;
    Preserved numaOther;
    Preserved other;

    CpuBuilder() {
    }

    CpuBuilder(Cpu from) {
        mode = from.mode();
        match = from.match();
        check = from.check();
        model = from.model();
        modelFallback = from.modelFallback();
        vendor = from.vendor();
        topology = from.topology();
        features = from.features();
        migratable = from.migratable();
        deprecatedFeatures = from.deprecatedFeatures();
        cache = from.cache();
        maxPhysAddr = from.maxPhysAddr();
        numaCells = from.numaCells();
        numaOther = from.numaOther();
        other = from.other();
    }

    /** @see Cpu#mode() */
    public CpuBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see Cpu#match() */
    public CpuBuilder match(String value) {
        this.match = value;
        return this;
    }

    /** @see Cpu#check() */
    public CpuBuilder check(String value) {
        this.check = value;
        return this;
    }

    /** @see Cpu#model() */
    public CpuBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Cpu#modelFallback() */
    public CpuBuilder modelFallback(String value) {
        this.modelFallback = value;
        return this;
    }

    /** @see Cpu#vendor() */
    public CpuBuilder vendor(String value) {
        this.vendor = value;
        return this;
    }

    /** @see Cpu#topology() */
    public CpuBuilder topology(Cpu.Topology value) {
        this.topology = value;
        return this;
    }

    /** @see Cpu#features() */
    public CpuBuilder features(List<Cpu.Feature> value) {
        this.features = value;
        return this;
    }

    /** @see Cpu#migratable() */
    public CpuBuilder migratable(String value) {
        this.migratable = value;
        return this;
    }

    /** @see Cpu#deprecatedFeatures() */
    public CpuBuilder deprecatedFeatures(String value) {
        this.deprecatedFeatures = value;
        return this;
    }

    /** @see Cpu#cache() */
    public CpuBuilder cache(Cpu.Cache value) {
        this.cache = value;
        return this;
    }

    /** @see Cpu#maxPhysAddr() */
    public CpuBuilder maxPhysAddr(Cpu.MaxPhysAddr value) {
        this.maxPhysAddr = value;
        return this;
    }

    /** @see Cpu#numaCells() */
    public CpuBuilder numaCells(List<NumaCell> value) {
        this.numaCells = value;
        return this;
    }

    /** @see Cpu#numaOther() */
    public CpuBuilder numaOther(Preserved value) {
        this.numaOther = value;
        return this;
    }

    /** @see Cpu#other() */
    public CpuBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Cpu build() {
        return new Cpu(this);
    }
}
