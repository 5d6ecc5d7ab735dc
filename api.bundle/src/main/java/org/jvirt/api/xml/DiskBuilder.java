package org.jvirt.api.xml;

/** Collects the values of a {@link Disk}: from {@link Disk#builder()} or {@link Disk#toBuilder()}; not thread-safe. */
public final class DiskBuilder {
    String type;
    String device;
    String model;
    String snapshot;
    String rawio;
    String sgio;
    DiskDriver driver;
    DiskSource source;
    DiskTarget target;
    boolean readOnly;
    boolean shareable;
    boolean transientDisk;
    String serial;
    String wwn;
    String vendor;
    String product;
    DiskGeometry geometry;
    DiskAuth auth;
    DiskEncryption encryption;
    Preserved other;
    DeviceInfo info;

    DiskBuilder() {
    }

    DiskBuilder(Disk from) {
        type = from.type();
        device = from.device();
        model = from.model();
        snapshot = from.snapshot();
        rawio = from.rawio();
        sgio = from.sgio();
        driver = from.driver();
        source = from.source();
        target = from.target();
        readOnly = from.readOnly();
        shareable = from.shareable();
        transientDisk = from.transientDisk();
        serial = from.serial();
        wwn = from.wwn();
        vendor = from.vendor();
        product = from.product();
        geometry = from.geometry();
        auth = from.auth();
        encryption = from.encryption();
        other = from.other();
        info = from.info();
    }

    /** @see Disk#type() */
    public DiskBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Disk#device() */
    public DiskBuilder device(String value) {
        this.device = value;
        return this;
    }

    /** @see Disk#model() */
    public DiskBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Disk#snapshot() */
    public DiskBuilder snapshot(String value) {
        this.snapshot = value;
        return this;
    }

    /** @see Disk#rawio() */
    public DiskBuilder rawio(String value) {
        this.rawio = value;
        return this;
    }

    /** @see Disk#sgio() */
    public DiskBuilder sgio(String value) {
        this.sgio = value;
        return this;
    }

    /** @see Disk#driver() */
    public DiskBuilder driver(DiskDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Disk#source() */
    public DiskBuilder source(DiskSource value) {
        this.source = value;
        return this;
    }

    /** @see Disk#target() */
    public DiskBuilder target(DiskTarget value) {
        this.target = value;
        return this;
    }

    /** @see Disk#readOnly() */
    public DiskBuilder readOnly(boolean value) {
        this.readOnly = value;
        return this;
    }

    /** @see Disk#shareable() */
    public DiskBuilder shareable(boolean value) {
        this.shareable = value;
        return this;
    }

    /** @see Disk#transientDisk() */
    public DiskBuilder transientDisk(boolean value) {
        this.transientDisk = value;
        return this;
    }

    /** @see Disk#serial() */
    public DiskBuilder serial(String value) {
        this.serial = value;
        return this;
    }

    /** @see Disk#wwn() */
    public DiskBuilder wwn(String value) {
        this.wwn = value;
        return this;
    }

    /** @see Disk#vendor() */
    public DiskBuilder vendor(String value) {
        this.vendor = value;
        return this;
    }

    /** @see Disk#product() */
    public DiskBuilder product(String value) {
        this.product = value;
        return this;
    }

    /** @see Disk#geometry() */
    public DiskBuilder geometry(DiskGeometry value) {
        this.geometry = value;
        return this;
    }

    /** @see Disk#auth() */
    public DiskBuilder auth(DiskAuth value) {
        this.auth = value;
        return this;
    }

    /** @see Disk#encryption() */
    public DiskBuilder encryption(DiskEncryption value) {
        this.encryption = value;
        return this;
    }

    /** @see Disk#other() */
    public DiskBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Disk#info() */
    public DiskBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Disk build() {
        return new Disk(this);
    }
}
