package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.AddressBuilder;
import org.jvirt.api.xml.XmlElement;

/**
 * {@code <address>} as libvirt's virDomainDeviceAddressParseXML and virDomainDeviceInfoFormat:
 * the fields of the type are parsed with libvirt's bases and formatted in libvirt's notation.
 * Attributes of unknown types, and unknown attributes of known ones, are kept verbatim.
 */
final class AddressCodec {
    private AddressCodec() {
    }

    static Address parse(Node n) throws VirtException {
        String type = n.attr("type");
        AddressBuilder b = Address.builder().type(type);
        switch (type == null ? "" : type) {
            case "pci" -> b.domain(zero(Num.uint(n, "domain", 0))).bus(zero(Num.uint(n, "bus", 0)))
                    .slot(zero(Num.uint(n, "slot", 0))).function(zero(Num.uint(n, "function", 0)))
                    .multifunction(n.attr("multifunction"));
            case "drive" -> b.controller(zero(Num.uint(n, "controller"))).bus(zero(Num.uint(n, "bus")))
                    .target(zero(Num.uint(n, "target"))).unit(zero(Num.uint(n, "unit")));
            case "virtio-serial" -> b.controller(zero(Num.uint(n, "controller"))).bus(zero(Num.uint(n, "bus")))
                    .port(zero(Num.uint(n, "port")));
            case "ccid" -> b.controller(zero(Num.uint(n, "controller"))).slot(zero(Num.uint(n, "slot")));
            case "usb" -> b.bus(zero(Num.uint(n, "bus"))).usbPort(n.attr("port"));
            case "spapr-vio" -> b.reg(Num.ulong(n, "reg", 16));
            case "ccw" -> b.cssid(Num.uint(n, "cssid", 0)).ssid(Num.uint(n, "ssid", 0)).devno(Num.uint(n, "devno", 0));
            case "isa" -> b.iobase(Num.uint(n, "iobase", 16)).irq(Num.uint(n, "irq", 16));
            case "dimm" -> b.slot(zero(Num.uint(n, "slot"))).base(Num.ulong(n, "base", 16));
            default -> {
                // virtio-mmio, virtio-s390, unassigned and unknown types: nothing typed
            }
        }
        return b.other(n.rest()).build();
    }

    private static Integer zero(Integer v) {
        return v == null ? 0 : v;
    }

    static XmlElement format(Address a) {
        Out o = new Out("address").attr("type", a.type());
        switch (a.type() == null ? "" : a.type()) {
            case "pci" -> {
                if (a.domain() != null && a.domain() != 0 || a.bus() != null && a.bus() != 0
                        || a.slot() != null && a.slot() != 0) {
                    o.attr("domain", hex(a.domain(), 4)).attr("bus", hex(a.bus(), 2)).attr("slot", hex(a.slot(), 2))
                            .attr("function", "0x" + (a.function() == null ? 0 : a.function()));
                }
                o.attr("multifunction", a.multifunction());
            }
            case "drive" -> o.attr("controller", a.controller()).attr("bus", a.bus()).attr("target", a.target())
                    .attr("unit", a.unit());
            case "virtio-serial" -> o.attr("controller", a.controller()).attr("bus", a.bus()).attr("port", a.port());
            case "ccid" -> o.attr("controller", a.controller()).attr("slot", a.slot());
            case "usb" -> o.attr("bus", a.bus()).attr("port", a.usbPort());
            case "spapr-vio" -> o.attr("reg", a.reg() == null ? null : String.format("0x%08x", a.reg()));
            case "ccw" -> {
                if (a.cssid() != null && a.ssid() != null && a.devno() != null) {
                    o.attr("cssid", "0x" + Integer.toHexString(a.cssid())).attr("ssid", "0x"
                            + Integer.toHexString(a.ssid())).attr("devno", hex(a.devno(), 4));
                }
            }
            case "isa" -> o.attr("iobase", positiveHex(a.iobase())).attr("irq", positiveHex(a.irq()));
            case "dimm" -> o.attr("slot", a.slot()).attr("base", a.base() == null ? null
                    : "0x" + Long.toHexString(a.base()));
            default -> {
            }
        }
        return o.preserved(a.other()).build();
    }

    private static String hex(Integer v, int width) {
        return String.format("0x%0" + width + "x", v == null ? 0 : v);
    }

    private static String positiveHex(Integer v) {
        return v == null || v <= 0 ? null : "0x" + Integer.toHexString(v);
    }
}
