package org.jvirt.api.xml;

import java.util.List;

/**
 * The guest {@code <cpu>} element.
 *
 * @param mode          {@code custom}, {@code host-model}, {@code host-passthrough}, {@code maximum}, or null
 * @param match         {@code minimum}/{@code exact}/{@code strict}, or null
 * @param check         {@code none}/{@code partial}/{@code full}, or null
 * @param model         the CPU model name, or null
 * @param modelFallback {@code <model fallback=>}, or null
 * @param vendor        {@code <vendor>}, or null
 * @param topology      {@code <topology>}, or null
 * @param features      {@code <feature policy= name=/>} entries
 * @param other         the rest (migratable, model vendor_id, cache, maxphysaddr, numa ...)
 */
public record Cpu(String mode, String match, String check, String model, String modelFallback, String vendor,
                  Topology topology, List<Feature> features, Preserved other) {
    public Cpu {
        features = List.copyOf(features == null ? List.of() : features);
        other = other == null ? Preserved.NONE : other;
    }

    /** {@code <topology>}; a count is 1 when the attribute is absent (dies, clusters). */
    public record Topology(int sockets, int dies, int clusters, int cores, int threads) {
    }

    /** {@code <feature policy= name=/>}; policy may be null (host-model/custom without policy). */
    public record Feature(String policy, String name) {
    }
}
