package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A memory device's {@code <target>}. Sizes are in KiB.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    MemoryTarget(MemoryTargetBuilder b) {
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
    public static MemoryTargetBuilder builder() {
        return new MemoryTargetBuilder();
    }

    /** A builder holding this object's values. */
    public MemoryTargetBuilder toBuilder() {
        return new MemoryTargetBuilder(this);
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
        return Objects.equals(dynamicMemslots, x.dynamicMemslots) && Objects.equals(sizeKib, x.sizeKib)
                && Objects.equals(node, x.node) && Objects.equals(labelSizeKib, x.labelSizeKib)
                && Objects.equals(blockKib, x.blockKib) && Objects.equals(requestedKib, x.requestedKib)
                && Objects.equals(currentKib, x.currentKib) && readonly == x.readonly
                && Objects.equals(addressBase, x.addressBase) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dynamicMemslots, sizeKib, node, labelSizeKib, blockKib, requestedKib, currentKib,
                readonly, addressBase, other);
    }

    @Override
    public String toString() {
        return "MemoryTarget[dynamicMemslots=" + dynamicMemslots + ", sizeKib=" + sizeKib + ", node=" + node
                + ", labelSizeKib=" + labelSizeKib + ", blockKib=" + blockKib
                + ", requestedKib=" + requestedKib + ", currentKib=" + currentKib + ", readonly=" + readonly
                + ", addressBase=" + addressBase + ", other=" + other + "]";
    }

}
