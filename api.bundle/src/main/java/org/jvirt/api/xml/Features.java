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
    private final Capabilities capabilities;

    private Features(Builder b) {
        this.entries = List.copyOf(b.entries == null ? List.of() : b.entries);
        this.capabilities = b.capabilities;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entries = entries;
        b.capabilities = capabilities;
        return b;
    }

    /** the features in order, except {@code <capabilities>} */
    public List<XmlElement> entries() {
        return entries;
    }

    /** the LXC {@code <capabilities policy=>} feature, or null */
    public Capabilities capabilities() {
        return capabilities;
    }

    /** A copy with {@code entries} replaced. */
    public Features withEntries(List<XmlElement> newEntries) {
        return toBuilder().entries(newEntries).build();
    }

    /** A copy with {@code capabilities} replaced. */
    public Features withCapabilities(Capabilities newCapabilities) {
        return toBuilder().capabilities(newCapabilities).build();
    }

    /** Whether the LXC {@code <privnet/>} feature (a private network namespace even without interfaces) is set. */
    public boolean privnet() {
        return has("privnet");
    }

    /**
     * {@code <capabilities policy=>}: the process capabilities of a container's init.
     *
     * @param policy {@code default}, {@code allow} or {@code deny}
     * @param states per capability (libvirt's names: {@code mknod}, {@code sys_admin}, ...), its
     *               state {@code on}/{@code off}, in libvirt's order
     */
    public record Capabilities(String policy, List<Capability> states) {
        public Capabilities {
            states = List.copyOf(states == null ? List.of() : states);
        }
    }

    /**
     * One capability of {@link Capabilities}.
     *
     * @param name  the capability name without {@code CAP_}, lower case
     * @param state {@code on} or {@code off}
     */
    public record Capability(String name, String state) {
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
        return Objects.equals(entries, x.entries)
                && Objects.equals(capabilities, x.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, capabilities);
    }

    @Override
    public String toString() {
        return "Features[" + "entries=" + entries + ", "
                + "capabilities=" + capabilities + "]";
    }

    /** Collects the values of a {@link Features}; not thread-safe. */
    public static final class Builder {
        private List<XmlElement> entries;
        private Capabilities capabilities;

        private Builder() {
        }

        /** @see Features#entries() */
        public Builder entries(List<XmlElement> value) {
            this.entries = value;
            return this;
        }

        /** @see Features#capabilities() */
        public Builder capabilities(Capabilities value) {
            this.capabilities = value;
            return this;
        }

        public Features build() {
            return new Features(this);
        }
    }
}
