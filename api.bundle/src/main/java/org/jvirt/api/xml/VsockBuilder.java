package org.jvirt.api.xml;

/** Collects the values of a {@link Vsock}: from {@link Vsock#builder()} or {@link Vsock#toBuilder()}; not thread-safe. */
public final class VsockBuilder {
    String model;
    String cidAuto;
    Integer cidAddress;
    VirtioDriver driver;
    Preserved other;
    DeviceInfo info;

    VsockBuilder() {
    }

    VsockBuilder(Vsock from) {
        model = from.model();
        cidAuto = from.cidAuto();
        cidAddress = from.cidAddress();
        driver = from.driver();
        other = from.other();
        info = from.info();
    }

    /** @see Vsock#model() */
    public VsockBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Vsock#cidAuto() */
    public VsockBuilder cidAuto(String value) {
        this.cidAuto = value;
        return this;
    }

    /** @see Vsock#cidAddress() */
    public VsockBuilder cidAddress(Integer value) {
        this.cidAddress = value;
        return this;
    }

    /** @see Vsock#driver() */
    public VsockBuilder driver(VirtioDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Vsock#other() */
    public VsockBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Vsock#info() */
    public VsockBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Vsock build() {
        return new Vsock(this);
    }
}
