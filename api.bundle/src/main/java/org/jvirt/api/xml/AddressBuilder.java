package org.jvirt.api.xml;

/** Collects the values of a {@link Address}: from {@link Address#builder()} or {@link Address#toBuilder()}; not thread-safe. */
public final class AddressBuilder {
    String type;
    Integer domain;
    Integer bus;
    Integer slot;
    Integer function;
    String multifunction;
    Integer controller;
    Integer target;
    Integer unit;
    Integer port;
    String usbPort;
    Integer cssid;
    Integer ssid;
    Integer devno;
    Integer iobase;
    Integer irq;
    Long reg;
    Long base;
    Preserved other;

    AddressBuilder() {
    }

    AddressBuilder(Address from) {
        type = from.type();
        domain = from.domain();
        bus = from.bus();
        slot = from.slot();
        function = from.function();
        multifunction = from.multifunction();
        controller = from.controller();
        target = from.target();
        unit = from.unit();
        port = from.port();
        usbPort = from.usbPort();
        cssid = from.cssid();
        ssid = from.ssid();
        devno = from.devno();
        iobase = from.iobase();
        irq = from.irq();
        reg = from.reg();
        base = from.base();
        other = from.other();
    }

    /** @see Address#type() */
    public AddressBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Address#domain() */
    public AddressBuilder domain(Integer value) {
        this.domain = value;
        return this;
    }

    /** @see Address#bus() */
    public AddressBuilder bus(Integer value) {
        this.bus = value;
        return this;
    }

    /** @see Address#slot() */
    public AddressBuilder slot(Integer value) {
        this.slot = value;
        return this;
    }

    /** @see Address#function() */
    public AddressBuilder function(Integer value) {
        this.function = value;
        return this;
    }

    /** @see Address#multifunction() */
    public AddressBuilder multifunction(String value) {
        this.multifunction = value;
        return this;
    }

    /** @see Address#controller() */
    public AddressBuilder controller(Integer value) {
        this.controller = value;
        return this;
    }

    /** @see Address#target() */
    public AddressBuilder target(Integer value) {
        this.target = value;
        return this;
    }

    /** @see Address#unit() */
    public AddressBuilder unit(Integer value) {
        this.unit = value;
        return this;
    }

    /** @see Address#port() */
    public AddressBuilder port(Integer value) {
        this.port = value;
        return this;
    }

    /** @see Address#usbPort() */
    public AddressBuilder usbPort(String value) {
        this.usbPort = value;
        return this;
    }

    /** @see Address#cssid() */
    public AddressBuilder cssid(Integer value) {
        this.cssid = value;
        return this;
    }

    /** @see Address#ssid() */
    public AddressBuilder ssid(Integer value) {
        this.ssid = value;
        return this;
    }

    /** @see Address#devno() */
    public AddressBuilder devno(Integer value) {
        this.devno = value;
        return this;
    }

    /** @see Address#iobase() */
    public AddressBuilder iobase(Integer value) {
        this.iobase = value;
        return this;
    }

    /** @see Address#irq() */
    public AddressBuilder irq(Integer value) {
        this.irq = value;
        return this;
    }

    /** @see Address#reg() */
    public AddressBuilder reg(Long value) {
        this.reg = value;
        return this;
    }

    /** @see Address#base() */
    public AddressBuilder base(Long value) {
        this.base = value;
        return this;
    }

    /** @see Address#other() */
    public AddressBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Address build() {
        return new Address(this);
    }
}
