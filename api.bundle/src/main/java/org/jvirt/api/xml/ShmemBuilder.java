package org.jvirt.api.xml;

/** Collects the values of a {@link Shmem}: from {@link Shmem#builder()} or {@link Shmem#toBuilder()}; not thread-safe. */
public final class ShmemBuilder {
    String name;
    String role;
    String modelType;
    Long sizeBytes;
    String serverPath;
    boolean server;
    Integer msiVectors;
    String msiIoeventfd;
    boolean msi;
    Preserved other;
    DeviceInfo info;

    ShmemBuilder() {
    }

    ShmemBuilder(Shmem from) {
        name = from.name();
        role = from.role();
        modelType = from.modelType();
        sizeBytes = from.sizeBytes();
        serverPath = from.serverPath();
        server = from.server();
        msiVectors = from.msiVectors();
        msiIoeventfd = from.msiIoeventfd();
        msi = from.msi();
        other = from.other();
        info = from.info();
    }

    /** @see Shmem#name() */
    public ShmemBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see Shmem#role() */
    public ShmemBuilder role(String value) {
        this.role = value;
        return this;
    }

    /** @see Shmem#modelType() */
    public ShmemBuilder modelType(String value) {
        this.modelType = value;
        return this;
    }

    /** @see Shmem#sizeBytes() */
    public ShmemBuilder sizeBytes(Long value) {
        this.sizeBytes = value;
        return this;
    }

    /** @see Shmem#serverPath() */
    public ShmemBuilder serverPath(String value) {
        this.serverPath = value;
        return this;
    }

    /** @see Shmem#server() */
    public ShmemBuilder server(boolean value) {
        this.server = value;
        return this;
    }

    /** @see Shmem#msiVectors() */
    public ShmemBuilder msiVectors(Integer value) {
        this.msiVectors = value;
        return this;
    }

    /** @see Shmem#msiIoeventfd() */
    public ShmemBuilder msiIoeventfd(String value) {
        this.msiIoeventfd = value;
        return this;
    }

    /** @see Shmem#msi() */
    public ShmemBuilder msi(boolean value) {
        this.msi = value;
        return this;
    }

    /** @see Shmem#other() */
    public ShmemBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Shmem#info() */
    public ShmemBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Shmem build() {
        return new Shmem(this);
    }
}
