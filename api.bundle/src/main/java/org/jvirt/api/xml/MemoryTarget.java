package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A memory device's {@code <target>}. Sizes are in KiB.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class MemoryTarget {
    private final String dynamicMemslots;
    private final Long sizeKib;
    private final Integer node;
    private final Long labelSizeKib;
    private final Long blockKib;
    private final Long requestedKib;
    private final Long currentKib;
    private final boolean readonly;
    private final Long addressBase;
    private final Preserved other;

    private MemoryTarget(Builder b) {
        this.dynamicMemslots = b.dynamicMemslots;
        this.sizeKib = b.sizeKib;
        this.node = b.node;
        this.labelSizeKib = b.labelSizeKib;
        this.blockKib = b.blockKib;
        this.requestedKib = b.requestedKib;
        this.currentKib = b.currentKib;
        this.readonly = b.readonly;
        this.addressBase = b.addressBase;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dynamicMemslots = dynamicMemslots;
        b.sizeKib = sizeKib;
        b.node = node;
        b.labelSizeKib = labelSizeKib;
        b.blockKib = blockKib;
        b.requestedKib = requestedKib;
        b.currentKib = currentKib;
        b.readonly = readonly;
        b.addressBase = addressBase;
        b.other = other;
        return b;
    }

    /** {@code dynamicMemslots} ({@code yes}/{@code no}) of virtio-mem, or null */
    public String dynamicMemslots() {
        return dynamicMemslots;
    }

    /** {@code <size>}, or null */
    public Long sizeKib() {
        return sizeKib;
    }

    /** {@code <node>}: the guest NUMA node, or null */
    public Integer node() {
        return node;
    }

    /** {@code <label><size>} of nvdimm, or null */
    public Long labelSizeKib() {
        return labelSizeKib;
    }

    /** {@code <block>} of virtio-mem, or null */
    public Long blockKib() {
        return blockKib;
    }

    /** {@code <requested>} of virtio-mem, or null */
    public Long requestedKib() {
        return requestedKib;
    }

    /** {@code <current>} of virtio-mem (runtime), or null */
    public Long currentKib() {
        return currentKib;
    }

    /** whether {@code <readonly/>} is present */
    public boolean readonly() {
        return readonly;
    }

    /** {@code <address base=>} of virtio-mem/virtio-pmem, or null */
    public Long addressBase() {
        return addressBase;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code dynamicMemslots} replaced. */
    public MemoryTarget withDynamicMemslots(String newDynamicMemslots) {
        return toBuilder().dynamicMemslots(newDynamicMemslots).build();
    }

    /** A copy with {@code sizeKib} replaced. */
    public MemoryTarget withSizeKib(Long newSizeKib) {
        return toBuilder().sizeKib(newSizeKib).build();
    }

    /** A copy with {@code node} replaced. */
    public MemoryTarget withNode(Integer newNode) {
        return toBuilder().node(newNode).build();
    }

    /** A copy with {@code labelSizeKib} replaced. */
    public MemoryTarget withLabelSizeKib(Long newLabelSizeKib) {
        return toBuilder().labelSizeKib(newLabelSizeKib).build();
    }

    /** A copy with {@code blockKib} replaced. */
    public MemoryTarget withBlockKib(Long newBlockKib) {
        return toBuilder().blockKib(newBlockKib).build();
    }

    /** A copy with {@code requestedKib} replaced. */
    public MemoryTarget withRequestedKib(Long newRequestedKib) {
        return toBuilder().requestedKib(newRequestedKib).build();
    }

    /** A copy with {@code currentKib} replaced. */
    public MemoryTarget withCurrentKib(Long newCurrentKib) {
        return toBuilder().currentKib(newCurrentKib).build();
    }

    /** A copy with {@code readonly} replaced. */
    public MemoryTarget withReadonly(boolean newReadonly) {
        return toBuilder().readonly(newReadonly).build();
    }

    /** A copy with {@code addressBase} replaced. */
    public MemoryTarget withAddressBase(Long newAddressBase) {
        return toBuilder().addressBase(newAddressBase).build();
    }

    /** A copy with {@code other} replaced. */
    public MemoryTarget withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemoryTarget x)) {
            return false;
        }
        return Objects.equals(dynamicMemslots, x.dynamicMemslots)
                && Objects.equals(sizeKib, x.sizeKib)
                && Objects.equals(node, x.node)
                && Objects.equals(labelSizeKib, x.labelSizeKib)
                && Objects.equals(blockKib, x.blockKib)
                && Objects.equals(requestedKib, x.requestedKib)
                && Objects.equals(currentKib, x.currentKib)
                && readonly == x.readonly
                && Objects.equals(addressBase, x.addressBase)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dynamicMemslots, sizeKib, node, labelSizeKib, blockKib, requestedKib, currentKib, readonly, addressBase, other);
    }

    @Override
    public String toString() {
        return "MemoryTarget[" + "dynamicMemslots=" + dynamicMemslots + ", "
                + "sizeKib=" + sizeKib + ", "
                + "node=" + node + ", "
                + "labelSizeKib=" + labelSizeKib + ", "
                + "blockKib=" + blockKib + ", "
                + "requestedKib=" + requestedKib + ", "
                + "currentKib=" + currentKib + ", "
                + "readonly=" + readonly + ", "
                + "addressBase=" + addressBase + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link MemoryTarget}; not thread-safe. */
    public static final class Builder {
        private String dynamicMemslots;
        private Long sizeKib;
        private Integer node;
        private Long labelSizeKib;
        private Long blockKib;
        private Long requestedKib;
        private Long currentKib;
        private boolean readonly;
        private Long addressBase;
        private Preserved other;

        private Builder() {
        }

        /** @see MemoryTarget#dynamicMemslots() */
        public Builder dynamicMemslots(String value) {
            this.dynamicMemslots = value;
            return this;
        }

        /** @see MemoryTarget#sizeKib() */
        public Builder sizeKib(Long value) {
            this.sizeKib = value;
            return this;
        }

        /** @see MemoryTarget#node() */
        public Builder node(Integer value) {
            this.node = value;
            return this;
        }

        /** @see MemoryTarget#labelSizeKib() */
        public Builder labelSizeKib(Long value) {
            this.labelSizeKib = value;
            return this;
        }

        /** @see MemoryTarget#blockKib() */
        public Builder blockKib(Long value) {
            this.blockKib = value;
            return this;
        }

        /** @see MemoryTarget#requestedKib() */
        public Builder requestedKib(Long value) {
            this.requestedKib = value;
            return this;
        }

        /** @see MemoryTarget#currentKib() */
        public Builder currentKib(Long value) {
            this.currentKib = value;
            return this;
        }

        /** @see MemoryTarget#readonly() */
        public Builder readonly(boolean value) {
            this.readonly = value;
            return this;
        }

        /** @see MemoryTarget#addressBase() */
        public Builder addressBase(Long value) {
            this.addressBase = value;
            return this;
        }

        /** @see MemoryTarget#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public MemoryTarget build() {
            return new MemoryTarget(this);
        }
    }
}
