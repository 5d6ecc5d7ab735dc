package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <resource>} element: where the guest's cgroup goes.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Resource {
    private final String partition;
    private final Preserved other;

    Resource(ResourceBuilder b) {
        this.partition = b.partition;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static ResourceBuilder builder() {
        return new ResourceBuilder();
    }

    /** A builder holding this object's values. */
    public ResourceBuilder toBuilder() {
        return new ResourceBuilder(this);
    }

    /** {@code <partition>} (such as {@code /machine}), or null */
    public String partition() {
        return partition;
    }

    /** further attributes and children (fibrechannel) the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
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
        return Objects.equals(partition, x.partition) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, other);
    }

    @Override
    public String toString() {
        return "Resource[partition=" + partition + ", other=" + other + "]";
    }

}
