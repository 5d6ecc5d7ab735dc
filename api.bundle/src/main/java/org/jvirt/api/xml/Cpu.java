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

    /** the rest (migratable, model vendor_id, cache, maxphysaddr, numa ...), kept verbatim and formatted back in libvirt's order; never null */
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
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, match, check, model, modelFallback, vendor, topology, features, other);
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
