package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A device {@code <address>}: its {@code type} and the fields of that type, as libvirt's
 * virDomainDeviceInfo address union. Fields that do not belong to the type, or were not written,
 * are null. Numbers are parsed by the codec (hexadecimal, octal and decimal as libvirt accepts them)
 * and formatted as libvirt does (PCI and CCW in hexadecimal).
 * <ul>
 * <li>{@code pci}: domain, bus, slot, function, multifunction ({@code on}/{@code off}); a
 * {@code <zpci>} child stays in {@code other}
 * <li>{@code drive}: controller, bus, target, unit
 * <li>{@code virtio-serial}: controller, bus, port
 * <li>{@code ccid}: controller, slot
 * <li>{@code usb}: bus, usbPort (a hub path such as {@code 1.2})
 * <li>{@code spapr-vio}: reg
 * <li>{@code ccw}: cssid, ssid, devno
 * <li>{@code isa}: iobase, irq
 * <li>{@code dimm}: slot, base
 * <li>{@code virtio-mmio}, {@code virtio-s390}, {@code unassigned}: no fields
 * </ul>
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Address {
    private final String type;
    private final Integer domain;
    private final Integer bus;
    private final Integer slot;
    private final Integer function;
    private final String multifunction;
    private final Integer controller;
    private final Integer target;
    private final Integer unit;
    private final Integer port;
    private final String usbPort;
    private final Integer cssid;
    private final Integer ssid;
    private final Integer devno;
    private final Integer iobase;
    private final Integer irq;
    private final Long reg;
    private final Long base;
    private final Preserved other;

    private Address(Builder b) {
        this.type = b.type;
        this.domain = b.domain;
        this.bus = b.bus;
        this.slot = b.slot;
        this.function = b.function;
        this.multifunction = b.multifunction;
        this.controller = b.controller;
        this.target = b.target;
        this.unit = b.unit;
        this.port = b.port;
        this.usbPort = b.usbPort;
        this.cssid = b.cssid;
        this.ssid = b.ssid;
        this.devno = b.devno;
        this.iobase = b.iobase;
        this.irq = b.irq;
        this.reg = b.reg;
        this.base = b.base;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.domain = domain;
        b.bus = bus;
        b.slot = slot;
        b.function = function;
        b.multifunction = multifunction;
        b.controller = controller;
        b.target = target;
        b.unit = unit;
        b.port = port;
        b.usbPort = usbPort;
        b.cssid = cssid;
        b.ssid = ssid;
        b.devno = devno;
        b.iobase = iobase;
        b.irq = irq;
        b.reg = reg;
        b.base = base;
        b.other = other;
        return b;
    }

    /** the address type ({@code pci}, {@code drive}, ...), never null once built by the codec */
    public String type() {
        return type;
    }

    /** PCI domain, or null */
    public Integer domain() {
        return domain;
    }

    /** PCI, drive, virtio-serial or USB bus, or null */
    public Integer bus() {
        return bus;
    }

    /** PCI, CCID or DIMM slot, or null */
    public Integer slot() {
        return slot;
    }

    /** PCI function, or null */
    public Integer function() {
        return function;
    }

    /** PCI {@code multifunction} ({@code on}/{@code off}), or null */
    public String multifunction() {
        return multifunction;
    }

    /** drive, virtio-serial or CCID controller index, or null */
    public Integer controller() {
        return controller;
    }

    /** drive target, or null */
    public Integer target() {
        return target;
    }

    /** drive unit, or null */
    public Integer unit() {
        return unit;
    }

    /** virtio-serial port, or null */
    public Integer port() {
        return port;
    }

    /** USB port path ({@code 1}, {@code 1.2}), or null */
    public String usbPort() {
        return usbPort;
    }

    /** CCW channel subsystem id, or null */
    public Integer cssid() {
        return cssid;
    }

    /** CCW subchannel set id, or null */
    public Integer ssid() {
        return ssid;
    }

    /** CCW device number, or null */
    public Integer devno() {
        return devno;
    }

    /** ISA I/O base, or null */
    public Integer iobase() {
        return iobase;
    }

    /** ISA IRQ, or null */
    public Integer irq() {
        return irq;
    }

    /** spapr-vio register, or null */
    public Long reg() {
        return reg;
    }

    /** DIMM base address, or null */
    public Long base() {
        return base;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public Address withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code domain} replaced. */
    public Address withDomain(Integer newDomain) {
        return toBuilder().domain(newDomain).build();
    }

    /** A copy with {@code bus} replaced. */
    public Address withBus(Integer newBus) {
        return toBuilder().bus(newBus).build();
    }

    /** A copy with {@code slot} replaced. */
    public Address withSlot(Integer newSlot) {
        return toBuilder().slot(newSlot).build();
    }

    /** A copy with {@code function} replaced. */
    public Address withFunction(Integer newFunction) {
        return toBuilder().function(newFunction).build();
    }

    /** A copy with {@code multifunction} replaced. */
    public Address withMultifunction(String newMultifunction) {
        return toBuilder().multifunction(newMultifunction).build();
    }

    /** A copy with {@code controller} replaced. */
    public Address withController(Integer newController) {
        return toBuilder().controller(newController).build();
    }

    /** A copy with {@code target} replaced. */
    public Address withTarget(Integer newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code unit} replaced. */
    public Address withUnit(Integer newUnit) {
        return toBuilder().unit(newUnit).build();
    }

    /** A copy with {@code port} replaced. */
    public Address withPort(Integer newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code usbPort} replaced. */
    public Address withUsbPort(String newUsbPort) {
        return toBuilder().usbPort(newUsbPort).build();
    }

    /** A copy with {@code cssid} replaced. */
    public Address withCssid(Integer newCssid) {
        return toBuilder().cssid(newCssid).build();
    }

    /** A copy with {@code ssid} replaced. */
    public Address withSsid(Integer newSsid) {
        return toBuilder().ssid(newSsid).build();
    }

    /** A copy with {@code devno} replaced. */
    public Address withDevno(Integer newDevno) {
        return toBuilder().devno(newDevno).build();
    }

    /** A copy with {@code iobase} replaced. */
    public Address withIobase(Integer newIobase) {
        return toBuilder().iobase(newIobase).build();
    }

    /** A copy with {@code irq} replaced. */
    public Address withIrq(Integer newIrq) {
        return toBuilder().irq(newIrq).build();
    }

    /** A copy with {@code reg} replaced. */
    public Address withReg(Long newReg) {
        return toBuilder().reg(newReg).build();
    }

    /** A copy with {@code base} replaced. */
    public Address withBase(Long newBase) {
        return toBuilder().base(newBase).build();
    }

    /** A copy with {@code other} replaced. */
    public Address withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A PCI address {@code domain:bus:slot.function}. */
    public static Address pci(int domain, int bus, int slot, int function) {
        return builder().type("pci").domain(domain).bus(bus).slot(slot).function(function).build();
    }

    /** A drive address {@code controller:bus:target:unit}. */
    public static Address drive(int controller, int bus, int target, int unit) {
        return builder().type("drive").controller(controller).bus(bus).target(target).unit(unit).build();
    }

    /** Whether the type is {@code t}. */
    public boolean is(String t) {
        return Objects.equals(type, t);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Address x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(domain, x.domain)
                && Objects.equals(bus, x.bus)
                && Objects.equals(slot, x.slot)
                && Objects.equals(function, x.function)
                && Objects.equals(multifunction, x.multifunction)
                && Objects.equals(controller, x.controller)
                && Objects.equals(target, x.target)
                && Objects.equals(unit, x.unit)
                && Objects.equals(port, x.port)
                && Objects.equals(usbPort, x.usbPort)
                && Objects.equals(cssid, x.cssid)
                && Objects.equals(ssid, x.ssid)
                && Objects.equals(devno, x.devno)
                && Objects.equals(iobase, x.iobase)
                && Objects.equals(irq, x.irq)
                && Objects.equals(reg, x.reg)
                && Objects.equals(base, x.base)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, domain, bus, slot, function, multifunction, controller, target, unit, port, usbPort, cssid, ssid, devno, iobase, irq, reg, base, other);
    }

    @Override
    public String toString() {
        return "Address[" + "type=" + type + ", "
                + "domain=" + domain + ", "
                + "bus=" + bus + ", "
                + "slot=" + slot + ", "
                + "function=" + function + ", "
                + "multifunction=" + multifunction + ", "
                + "controller=" + controller + ", "
                + "target=" + target + ", "
                + "unit=" + unit + ", "
                + "port=" + port + ", "
                + "usbPort=" + usbPort + ", "
                + "cssid=" + cssid + ", "
                + "ssid=" + ssid + ", "
                + "devno=" + devno + ", "
                + "iobase=" + iobase + ", "
                + "irq=" + irq + ", "
                + "reg=" + reg + ", "
                + "base=" + base + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Address}; not thread-safe. */
    public static final class Builder {
        private String type;
        private Integer domain;
        private Integer bus;
        private Integer slot;
        private Integer function;
        private String multifunction;
        private Integer controller;
        private Integer target;
        private Integer unit;
        private Integer port;
        private String usbPort;
        private Integer cssid;
        private Integer ssid;
        private Integer devno;
        private Integer iobase;
        private Integer irq;
        private Long reg;
        private Long base;
        private Preserved other;

        private Builder() {
        }

        /** @see Address#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Address#domain() */
        public Builder domain(Integer value) {
            this.domain = value;
            return this;
        }

        /** @see Address#bus() */
        public Builder bus(Integer value) {
            this.bus = value;
            return this;
        }

        /** @see Address#slot() */
        public Builder slot(Integer value) {
            this.slot = value;
            return this;
        }

        /** @see Address#function() */
        public Builder function(Integer value) {
            this.function = value;
            return this;
        }

        /** @see Address#multifunction() */
        public Builder multifunction(String value) {
            this.multifunction = value;
            return this;
        }

        /** @see Address#controller() */
        public Builder controller(Integer value) {
            this.controller = value;
            return this;
        }

        /** @see Address#target() */
        public Builder target(Integer value) {
            this.target = value;
            return this;
        }

        /** @see Address#unit() */
        public Builder unit(Integer value) {
            this.unit = value;
            return this;
        }

        /** @see Address#port() */
        public Builder port(Integer value) {
            this.port = value;
            return this;
        }

        /** @see Address#usbPort() */
        public Builder usbPort(String value) {
            this.usbPort = value;
            return this;
        }

        /** @see Address#cssid() */
        public Builder cssid(Integer value) {
            this.cssid = value;
            return this;
        }

        /** @see Address#ssid() */
        public Builder ssid(Integer value) {
            this.ssid = value;
            return this;
        }

        /** @see Address#devno() */
        public Builder devno(Integer value) {
            this.devno = value;
            return this;
        }

        /** @see Address#iobase() */
        public Builder iobase(Integer value) {
            this.iobase = value;
            return this;
        }

        /** @see Address#irq() */
        public Builder irq(Integer value) {
            this.irq = value;
            return this;
        }

        /** @see Address#reg() */
        public Builder reg(Long value) {
            this.reg = value;
            return this;
        }

        /** @see Address#base() */
        public Builder base(Long value) {
            this.base = value;
            return this;
        }

        /** @see Address#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Address build() {
            return new Address(this);
        }
    }
}
