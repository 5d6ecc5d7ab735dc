package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <pm>} element: guest power management.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Pm {
    private final String suspendToMem;
    private final String suspendToDisk;
    private final Preserved other;

    private Pm(Builder b) {
        this.suspendToMem = b.suspendToMem;
        this.suspendToDisk = b.suspendToDisk;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.suspendToMem = suspendToMem;
        b.suspendToDisk = suspendToDisk;
        b.other = other;
        return b;
    }

    /** {@code <suspend-to-mem enabled=>} ({@code yes}/{@code no}), or null */
    public String suspendToMem() {
        return suspendToMem;
    }

    /** {@code <suspend-to-disk enabled=>} ({@code yes}/{@code no}), or null */
    public String suspendToDisk() {
        return suspendToDisk;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code suspendToMem} replaced. */
    public Pm withSuspendToMem(String newSuspendToMem) {
        return toBuilder().suspendToMem(newSuspendToMem).build();
    }

    /** A copy with {@code suspendToDisk} replaced. */
    public Pm withSuspendToDisk(String newSuspendToDisk) {
        return toBuilder().suspendToDisk(newSuspendToDisk).build();
    }

    /** A copy with {@code other} replaced. */
    public Pm withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Pm x)) {
            return false;
        }
        return Objects.equals(suspendToMem, x.suspendToMem)
                && Objects.equals(suspendToDisk, x.suspendToDisk)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(suspendToMem, suspendToDisk, other);
    }

    @Override
    public String toString() {
        return "Pm[" + "suspendToMem=" + suspendToMem + ", "
                + "suspendToDisk=" + suspendToDisk + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Pm}; not thread-safe. */
    public static final class Builder {
        private String suspendToMem;
        private String suspendToDisk;
        private Preserved other;

        private Builder() {
        }

        /** @see Pm#suspendToMem() */
        public Builder suspendToMem(String value) {
            this.suspendToMem = value;
            return this;
        }

        /** @see Pm#suspendToDisk() */
        public Builder suspendToDisk(String value) {
            this.suspendToDisk = value;
            return this;
        }

        /** @see Pm#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Pm build() {
            return new Pm(this);
        }
    }
}
