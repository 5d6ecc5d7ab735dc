package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The guest {@code <cpu>} element.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    Cpu(CpuBuilder b) {
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
    public static CpuBuilder builder() {
        return new CpuBuilder();
    }

    /** A builder holding this object's values. */
    public CpuBuilder toBuilder() {
        return new CpuBuilder(this);
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

    /** A copy with {@code model} replaced. */
    public Cpu withModel(String newModel) {
        return toBuilder().model(newModel).build();
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
        return Objects.equals(mode, x.mode) && Objects.equals(match, x.match)
                && Objects.equals(check, x.check) && Objects.equals(model, x.model)
                && Objects.equals(modelFallback, x.modelFallback) && Objects.equals(vendor, x.vendor)
                && Objects.equals(topology, x.topology) && Objects.equals(features, x.features)
                && Objects.equals(migratable, x.migratable)
                && Objects.equals(deprecatedFeatures, x.deprecatedFeatures) && Objects.equals(cache, x.cache)
                && Objects.equals(maxPhysAddr, x.maxPhysAddr) && Objects.equals(numaCells, x.numaCells)
                && Objects.equals(numaOther, x.numaOther) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, match, check, model, modelFallback, vendor, topology, features, migratable,
                deprecatedFeatures, cache, maxPhysAddr, numaCells, numaOther, other);
    }

    @Override
    public String toString() {
        return "Cpu[mode=" + mode + ", match=" + match + ", check=" + check + ", model=" + model
                + ", modelFallback=" + modelFallback + ", vendor=" + vendor + ", topology=" + topology
                + ", features=" + features + ", migratable=" + migratable
                + ", deprecatedFeatures=" + deprecatedFeatures + ", cache=" + cache
                + ", maxPhysAddr=" + maxPhysAddr + ", numaCells=" + numaCells + ", numaOther=" + numaOther
                + ", other=" + other + "]";
    }

}
