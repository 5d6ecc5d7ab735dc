package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <resource>} element: where the guest's cgroup goes.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Resource {
    private final String partition;
    private final Preserved other;

    private Resource(Builder b) {
        this.partition = b.partition;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.partition = partition;
        b.other = other;
        return b;
    }

    /** {@code <partition>} (such as {@code /machine}), or null */
    public String partition() {
        return partition;
    }

    /** further attributes and children (fibrechannel) the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code partition} replaced. */
    public Resource withPartition(String newPartition) {
        return toBuilder().partition(newPartition).build();
    }

    /** A copy with {@code other} replaced. */
    public Resource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Resource x)) {
            return false;
        }
        return Objects.equals(partition, x.partition)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, other);
    }

    @Override
    public String toString() {
        return "Resource[" + "partition=" + partition + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Resource}; not thread-safe. */
    public static final class Builder {
        private String partition;
        private Preserved other;

        private Builder() {
        }

        /** @see Resource#partition() */
        public Builder partition(String value) {
            this.partition = value;
            return this;
        }

        /** @see Resource#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Resource build() {
            return new Resource(this);
        }
    }
}
