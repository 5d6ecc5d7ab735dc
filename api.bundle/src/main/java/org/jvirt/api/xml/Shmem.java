package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <shmem>}: an ivshmem region shared with the host or other guests.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Shmem implements Device {
    private final String name;
    private final String role;
    private final String modelType;
    private final Long sizeBytes;
    private final String serverPath;
    private final boolean server;
    private final Integer msiVectors;
    private final String msiIoeventfd;
    private final boolean msi;
    private final Preserved other;
    private final DeviceInfo info;

    Shmem(ShmemBuilder b) {
        this.name = b.name;
        this.role = b.role;
        this.modelType = b.modelType;
        this.sizeBytes = b.sizeBytes;
        this.serverPath = b.serverPath;
        this.server = b.server;
        this.msiVectors = b.msiVectors;
        this.msiIoeventfd = b.msiIoeventfd;
        this.msi = b.msi;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static ShmemBuilder builder() {
        return new ShmemBuilder();
    }

    /** A builder holding this object's values. */
    public ShmemBuilder toBuilder() {
        return new ShmemBuilder(this);
    }

    /** the region name */
    public String name() {
        return name;
    }

    /** {@code master}/{@code peer}, or null */
    public String role() {
        return role;
    }

    /** {@code <model type=>} ({@code ivshmem}, {@code ivshmem-plain}, {@code ivshmem-doorbell}), or null */
    public String modelType() {
        return modelType;
    }

    /** {@code <size>} in bytes, or null */
    public Long sizeBytes() {
        return sizeBytes;
    }

    /** {@code <server path=>} of ivshmem-doorbell, or null (an empty {@code <server/>} is {@link #server()}) */
    public String serverPath() {
        return serverPath;
    }

    /** whether a {@code <server>} element is present */
    public boolean server() {
        return server;
    }

    /** {@code <msi vectors=>}, or null */
    public Integer msiVectors() {
        return msiVectors;
    }

    /** {@code <msi ioeventfd=>} ({@code on}/{@code off}), or null */
    public String msiIoeventfd() {
        return msiIoeventfd;
    }

    /** whether an {@code <msi>} element is present */
    public boolean msi() {
        return msi;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code name} replaced. */
    public Shmem withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code modelType} replaced. */
    public Shmem withModelType(String newModelType) {
        return toBuilder().modelType(newModelType).build();
    }

    /** A copy with {@code other} replaced. */
    public Shmem withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Shmem withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "shmem";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Shmem x)) {
            return false;
        }
        return Objects.equals(name, x.name) && Objects.equals(role, x.role)
                && Objects.equals(modelType, x.modelType) && Objects.equals(sizeBytes, x.sizeBytes)
                && Objects.equals(serverPath, x.serverPath) && server == x.server
                && Objects.equals(msiVectors, x.msiVectors) && Objects.equals(msiIoeventfd, x.msiIoeventfd)
                && msi == x.msi && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, modelType, sizeBytes, serverPath, server, msiVectors, msiIoeventfd,
                msi, other, info);
    }

    @Override
    public String toString() {
        return "Shmem[name=" + name + ", role=" + role + ", modelType=" + modelType
                + ", sizeBytes=" + sizeBytes + ", serverPath=" + serverPath + ", server=" + server
                + ", msiVectors=" + msiVectors + ", msiIoeventfd=" + msiIoeventfd + ", msi=" + msi
                + ", other=" + other + ", info=" + info + "]";
    }

}
