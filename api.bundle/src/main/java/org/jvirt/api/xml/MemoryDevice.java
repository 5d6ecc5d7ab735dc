package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <memory>} device: a DIMM, NVDIMM, virtio-mem, virtio-pmem or SGX EPC section. Sizes are in KiB.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class MemoryDevice implements Device {
    private final String model;
    private final String access;
    private final String discard;
    private final String uuid;
    private final MemorySource source;
    private final MemoryTarget target;
    private final Preserved other;
    private final DeviceInfo info;

    MemoryDevice(MemoryDeviceBuilder b) {
        this.model = b.model;
        this.access = b.access;
        this.discard = b.discard;
        this.uuid = b.uuid;
        this.source = b.source;
        this.target = b.target;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static MemoryDeviceBuilder builder() {
        return new MemoryDeviceBuilder();
    }

    /** A builder holding this object's values. */
    public MemoryDeviceBuilder toBuilder() {
        return new MemoryDeviceBuilder(this);
    }

    /** {@code dimm}, {@code nvdimm}, {@code virtio-pmem}, {@code virtio-mem}, {@code sgx-epc} */
    public String model() {
        return model;
    }

    /** {@code shared}/{@code private}, or null */
    public String access() {
        return access;
    }

    /** {@code yes}/{@code no}, or null */
    public String discard() {
        return discard;
    }

    /** {@code <uuid>} of nvdimm on pSeries, or null */
    public String uuid() {
        return uuid;
    }

    /** {@code <source>}, or null */
    public MemorySource source() {
        return source;
    }

    /** {@code <target>}, or null */
    public MemoryTarget target() {
        return target;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code model} replaced. */
    public MemoryDevice withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code uuid} replaced. */
    public MemoryDevice withUuid(String newUuid) {
        return toBuilder().uuid(newUuid).build();
    }

    /** A copy with {@code target} replaced. */
    public MemoryDevice withTarget(MemoryTarget newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code other} replaced. */
    public MemoryDevice withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public MemoryDevice withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "memory";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemoryDevice x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(access, x.access)
                && Objects.equals(discard, x.discard) && Objects.equals(uuid, x.uuid)
                && Objects.equals(source, x.source) && Objects.equals(target, x.target)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, access, discard, uuid, source, target, other, info);
    }

    @Override
    public String toString() {
        return "MemoryDevice[model=" + model + ", access=" + access + ", discard=" + discard
                + ", uuid=" + uuid + ", source=" + source + ", target=" + target + ", other=" + other
                + ", info=" + info + "]";
    }

}
