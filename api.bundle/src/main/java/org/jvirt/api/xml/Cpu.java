package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The guest {@code <cpu>} element.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Cpu {
    private final String mode;
    private final String match;
    private final String check;
    private final String model;
    private final String modelFallback;
    private final String vendor;
    private final Topology topology;
    private final List<Feature> features;
    private final String migratable;
    private final String deprecatedFeatures;
    private final Cache cache;
    private final MaxPhysAddr maxPhysAddr;
    private final List<NumaCell> numaCells;
    private final Preserved numaOther;
    private final Preserved other;

    private Cpu(Builder b) {
        this.mode = b.mode;
        this.match = b.match;
        this.check = b.check;
        this.model = b.model;
        this.modelFallback = b.modelFallback;
        this.vendor = b.vendor;
        this.topology = b.topology;
        this.features = List.copyOf(b.features == null ? List.of() : b.features);
        this.migratable = b.migratable;
        this.deprecatedFeatures = b.deprecatedFeatures;
        this.cache = b.cache;
        this.maxPhysAddr = b.maxPhysAddr;
        this.numaCells = List.copyOf(b.numaCells == null ? List.of() : b.numaCells);
        this.numaOther = b.numaOther == null ? Preserved.NONE : b.numaOther;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.match = match;
        b.check = check;
        b.model = model;
        b.modelFallback = modelFallback;
        b.vendor = vendor;
        b.topology = topology;
        b.features = features;
        b.migratable = migratable;
        b.deprecatedFeatures = deprecatedFeatures;
        b.cache = cache;
        b.maxPhysAddr = maxPhysAddr;
        b.numaCells = numaCells;
        b.numaOther = numaOther;
        b.other = other;
        return b;
    }

    /** {@code custom}, {@code host-model}, {@code host-passthrough}, {@code maximum}, or null */
    public String mode() {
        return mode;
    }

    /** {@code minimum}/{@code exact}/{@code strict}, or null */
    public String match() {
        return match;
    }

    /** {@code none}/{@code partial}/{@code full}, or null */
    public String check() {
        return check;
    }

    /** the CPU model name, or null */
    public String model() {
        return model;
    }

    /** {@code <model fallback=>}, or null */
    public String modelFallback() {
        return modelFallback;
    }

    /** {@code <vendor>}, or null */
    public String vendor() {
        return vendor;
    }

    /** {@code <topology>}, or null */
    public Topology topology() {
        return topology;
    }

    /** {@code <feature policy= name=/>} entries */
    public List<Feature> features() {
        return features;
    }

    /** {@code migratable=} ({@code on}/{@code off}, host CPUs), or null */
    public String migratable() {
        return migratable;
    }

    /** {@code deprecated_features=} ({@code on}/{@code off}), or null */
    public String deprecatedFeatures() {
        return deprecatedFeatures;
    }

    /** {@code <cache>}, or null */
    public Cache cache() {
        return cache;
    }

    /** {@code <maxphysaddr>}, or null */
    public MaxPhysAddr maxPhysAddr() {
        return maxPhysAddr;
    }

    /** the guest NUMA cells ({@code <numa><cell>}), ids filled in order; empty without NUMA */
    public List<NumaCell> numaCells() {
        return numaCells;
    }

    /** the rest of {@code <numa>} ({@code <interconnects>}), kept verbatim; never null */
    public Preserved numaOther() {
        return numaOther;
    }

    /** the rest (model vendor_id ...), kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code mode} replaced. */
    public Cpu withMode(String newMode) {
        return toBuilder().mode(newMode).build();
    }

    /** A copy with {@code match} replaced. */
    public Cpu withMatch(String newMatch) {
        return toBuilder().match(newMatch).build();
    }

    /** A copy with {@code check} replaced. */
    public Cpu withCheck(String newCheck) {
        return toBuilder().check(newCheck).build();
    }

    /** A copy with {@code model} replaced. */
    public Cpu withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code modelFallback} replaced. */
    public Cpu withModelFallback(String newModelFallback) {
        return toBuilder().modelFallback(newModelFallback).build();
    }

    /** A copy with {@code vendor} replaced. */
    public Cpu withVendor(String newVendor) {
        return toBuilder().vendor(newVendor).build();
    }

    /** A copy with {@code topology} replaced. */
    public Cpu withTopology(Topology newTopology) {
        return toBuilder().topology(newTopology).build();
    }

    /** A copy with {@code features} replaced. */
    public Cpu withFeatures(List<Feature> newFeatures) {
        return toBuilder().features(newFeatures).build();
    }

    /** A copy with {@code migratable} replaced. */
    public Cpu withMigratable(String newMigratable) {
        return toBuilder().migratable(newMigratable).build();
    }

    /** A copy with {@code deprecatedFeatures} replaced. */
    public Cpu withDeprecatedFeatures(String newDeprecatedFeatures) {
        return toBuilder().deprecatedFeatures(newDeprecatedFeatures).build();
    }

    /** A copy with {@code cache} replaced. */
    public Cpu withCache(Cache newCache) {
        return toBuilder().cache(newCache).build();
    }

    /** A copy with {@code maxPhysAddr} replaced. */
    public Cpu withMaxPhysAddr(MaxPhysAddr newMaxPhysAddr) {
        return toBuilder().maxPhysAddr(newMaxPhysAddr).build();
    }

    /** A copy with {@code numaCells} replaced. */
    public Cpu withNumaCells(List<NumaCell> newNumaCells) {
        return toBuilder().numaCells(newNumaCells).build();
    }

    /** A copy with {@code numaOther} replaced. */
    public Cpu withNumaOther(Preserved newNumaOther) {
        return toBuilder().numaOther(newNumaOther).build();
    }

    /** A copy with {@code other} replaced. */
    public Cpu withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** {@code <topology>}; a count is 1 when the attribute is absent (dies, clusters). */
    public record Topology(int sockets, int dies, int clusters, int cores, int threads) {
    }

    /** {@code <feature policy= name=/>}; policy may be null (host-model/custom without policy). */
    public record Feature(String policy, String name) {
    }

    /**
     * {@code <cache level= mode=/>}.
     *
     * @param level the cache level, or null
     * @param mode  {@code emulate}, {@code passthrough}, {@code disable}
     */
    public record Cache(Integer level, String mode) {
    }

    /**
     * {@code <maxphysaddr mode= bits= limit=/>}.
     *
     * @param mode  {@code passthrough} or {@code emulate}
     * @param bits  the address width, or null
     * @param limit the upper bound of a passthrough width, or null
     */
    public record MaxPhysAddr(String mode, Integer bits, Integer limit) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Cpu x)) {
            return false;
        }
        return Objects.equals(mode, x.mode)
                && Objects.equals(match, x.match)
                && Objects.equals(check, x.check)
                && Objects.equals(model, x.model)
                && Objects.equals(modelFallback, x.modelFallback)
                && Objects.equals(vendor, x.vendor)
                && Objects.equals(topology, x.topology)
                && Objects.equals(features, x.features)
                && Objects.equals(migratable, x.migratable)
                && Objects.equals(deprecatedFeatures, x.deprecatedFeatures)
                && Objects.equals(cache, x.cache)
                && Objects.equals(maxPhysAddr, x.maxPhysAddr)
                && Objects.equals(numaCells, x.numaCells)
                && Objects.equals(numaOther, x.numaOther)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, match, check, model, modelFallback, vendor, topology, features, migratable, deprecatedFeatures, cache, maxPhysAddr, numaCells, numaOther, other);
    }

    @Override
    public String toString() {
        return "Cpu[" + "mode=" + mode + ", "
                + "match=" + match + ", "
                + "check=" + check + ", "
                + "model=" + model + ", "
                + "modelFallback=" + modelFallback + ", "
                + "vendor=" + vendor + ", "
                + "topology=" + topology + ", "
                + "features=" + features + ", "
                + "migratable=" + migratable + ", "
                + "deprecatedFeatures=" + deprecatedFeatures + ", "
                + "cache=" + cache + ", "
                + "maxPhysAddr=" + maxPhysAddr + ", "
                + "numaCells=" + numaCells + ", "
                + "numaOther=" + numaOther + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Cpu}; not thread-safe. */
    public static final class Builder {
        private String mode;
        private String match;
        private String check;
        private String model;
        private String modelFallback;
        private String vendor;
        private Topology topology;
        private List<Feature> features;
        private String migratable;
        private String deprecatedFeatures;
        private Cache cache;
        private MaxPhysAddr maxPhysAddr;
        private List<NumaCell> numaCells;
        private Preserved numaOther;
        private Preserved other;

        private Builder() {
        }

        /** @see Cpu#mode() */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /** @see Cpu#match() */
        public Builder match(String value) {
            this.match = value;
            return this;
        }

        /** @see Cpu#check() */
        public Builder check(String value) {
            this.check = value;
            return this;
        }

        /** @see Cpu#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Cpu#modelFallback() */
        public Builder modelFallback(String value) {
            this.modelFallback = value;
            return this;
        }

        /** @see Cpu#vendor() */
        public Builder vendor(String value) {
            this.vendor = value;
            return this;
        }

        /** @see Cpu#topology() */
        public Builder topology(Topology value) {
            this.topology = value;
            return this;
        }

        /** @see Cpu#features() */
        public Builder features(List<Feature> value) {
            this.features = value;
            return this;
        }

        /** @see Cpu#migratable() */
        public Builder migratable(String value) {
            this.migratable = value;
            return this;
        }

        /** @see Cpu#deprecatedFeatures() */
        public Builder deprecatedFeatures(String value) {
            this.deprecatedFeatures = value;
            return this;
        }

        /** @see Cpu#cache() */
        public Builder cache(Cache value) {
            this.cache = value;
            return this;
        }

        /** @see Cpu#maxPhysAddr() */
        public Builder maxPhysAddr(MaxPhysAddr value) {
            this.maxPhysAddr = value;
            return this;
        }

        /** @see Cpu#numaCells() */
        public Builder numaCells(List<NumaCell> value) {
            this.numaCells = value;
            return this;
        }

        /** @see Cpu#numaOther() */
        public Builder numaOther(Preserved value) {
            this.numaOther = value;
            return this;
        }

        /** @see Cpu#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Cpu build() {
            return new Cpu(this);
        }
    }
}
