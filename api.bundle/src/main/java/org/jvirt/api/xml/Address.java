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
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    Address(AddressBuilder b) {
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
    public static AddressBuilder builder() {
        return new AddressBuilder();
    }

    /** A builder holding this object's values. */
    public AddressBuilder toBuilder() {
        return new AddressBuilder(this);
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

    /** A copy with {@code bus} replaced. */
    public Address withBus(Integer newBus) {
        return toBuilder().bus(newBus).build();
    }

    /** A copy with {@code multifunction} replaced. */
    public Address withMultifunction(String newMultifunction) {
        return toBuilder().multifunction(newMultifunction).build();
    }

    /** A copy with {@code target} replaced. */
    public Address withTarget(Integer newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code port} replaced. */
    public Address withPort(Integer newPort) {
        return toBuilder().port(newPort).build();
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
        return Objects.equals(type, x.type) && Objects.equals(domain, x.domain) && Objects.equals(bus, x.bus)
                && Objects.equals(slot, x.slot) && Objects.equals(function, x.function)
                && Objects.equals(multifunction, x.multifunction) && Objects.equals(controller, x.controller)
                && Objects.equals(target, x.target) && Objects.equals(unit, x.unit)
                && Objects.equals(port, x.port) && Objects.equals(usbPort, x.usbPort)
                && Objects.equals(cssid, x.cssid) && Objects.equals(ssid, x.ssid)
                && Objects.equals(devno, x.devno) && Objects.equals(iobase, x.iobase)
                && Objects.equals(irq, x.irq) && Objects.equals(reg, x.reg) && Objects.equals(base, x.base)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, domain, bus, slot, function, multifunction, controller, target, unit, port,
                usbPort, cssid, ssid, devno, iobase, irq, reg, base, other);
    }

    @Override
    public String toString() {
        return "Address[type=" + type + ", domain=" + domain + ", bus=" + bus + ", slot=" + slot
                + ", function=" + function + ", multifunction=" + multifunction + ", controller=" + controller
                + ", target=" + target + ", unit=" + unit + ", port=" + port + ", usbPort=" + usbPort
                + ", cssid=" + cssid + ", ssid=" + ssid + ", devno=" + devno + ", iobase=" + iobase
                + ", irq=" + irq + ", reg=" + reg + ", base=" + base + ", other=" + other + "]";
    }

}
