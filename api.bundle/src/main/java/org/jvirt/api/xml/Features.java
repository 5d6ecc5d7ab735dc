package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <features>} element: each feature as written ({@code <acpi/>}, {@code <apic eoi=/>},
 * {@code <hyperv mode=>...}, {@code <smm><tseg/></smm>} ...), formatted in libvirt's order.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Features {
    private final List<XmlElement> entries;

    private Features(Builder b) {
        this.entries = List.copyOf(b.entries == null ? List.of() : b.entries);
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entries = entries;
        return b;
    }

    /** the features in order */
    public List<XmlElement> entries() {
        return entries;
    }

    /** A copy with {@code entries} replaced. */
    public Features withEntries(List<XmlElement> newEntries) {
        return toBuilder().entries(newEntries).build();
    }

    /** Whether feature {@code name} is present. */
    public boolean has(String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    /** Feature {@code name}, or null. */
    public XmlElement get(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Features x)) {
            return false;
        }
        return Objects.equals(entries, x.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        return "Features[" + "entries=" + entries + "]";
    }

    /** Collects the values of a {@link Features}; not thread-safe. */
    public static final class Builder {
        private List<XmlElement> entries;

        private Builder() {
        }

        /** @see Features#entries() */
        public Builder entries(List<XmlElement> value) {
            this.entries = value;
            return this;
        }

        public Features build() {
            return new Features(this);
        }
    }
}
