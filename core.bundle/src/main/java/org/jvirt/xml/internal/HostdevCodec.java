package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.HostdevBuilder;
import org.jvirt.api.xml.HostdevSource;
import org.jvirt.api.xml.HostdevSourceBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <hostdev>} (virDomainHostdevDefParseXML / virDomainHostdevDefFormat). */
final class HostdevCodec {
    private static final String[] HOSTDEV_ATTRS = {"mode", "type", "managed", "sgio", "rawio", "model", "display",
        "ramfb"};
    private static final String[] SOURCE_ATTRS = {"startupPolicy", "guestReset", "protocol", "name", "wwpn"};

    private HostdevCodec() {
    }

    static Hostdev parse(Node n) throws VirtException {
        String mode = n.attr("mode");
        String type = n.attr("type");
        HostdevBuilder b = Hostdev.builder().mode(mode).type(type).managed(n.attr("managed")).sgio(n.attr("sgio"))
                .rawio(n.attr("rawio")).model(n.attr("model")).display(n.attr("display")).ramfb(n.attr("ramfb"));
        Node source = n.child("source");
        if (source != null) {
            b.source(source(source, type == null ? "" : type));
        }
        b.driverName(Leaf.attr(n, "driver", "name"));
        b.readOnly(Leaf.known(n, "readonly") != null).shareable(Leaf.known(n, "shareable") != null);
        b.teaming(NetInterfaceCodec.teaming(n));
        if ("capabilities".equals(mode) && "net".equals(type)) {
            b.ips(NetIpCodec.ips(n)).routes(NetIpCodec.routes(n));
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static HostdevSource source(Node s, String type) throws VirtException {
        HostdevSourceBuilder b = HostdevSource.builder().startupPolicy(s.attr("startupPolicy"))
                .guestReset(s.attr("guestReset")).protocol(s.attr("protocol")).name(s.attr("name"))
                .wwpn(s.attr("wwpn"));
        switch (type) {
            case "pci" -> {
                Node a = s.child("address");
                if (a != null) {
                    b.pciAddress(Address.builder().type("pci").domain(Num.uint(a, "domain", 0))
                            .bus(Num.uint(a, "bus", 0)).slot(Num.uint(a, "slot", 0))
                            .function(Num.uint(a, "function", 0)).other(a.rest()).build());
                }
            }
            case "usb" -> {
                Node vendor = Leaf.known(s, "vendor", "id");
                Node product = Leaf.known(s, "product", "id");
                b.vendorId(vendor == null ? null : Num.uint(vendor, "id", 0));
                b.productId(product == null ? null : Num.uint(product, "id", 0));
                Node a = Leaf.known(s, "address", "bus", "device");
                if (a != null) {
                    b.usbBus(Num.uint(a, "bus", 0)).usbDevice(Num.uint(a, "device", 0));
                }
            }
            case "scsi" -> {
                b.adapterName(Leaf.attr(s, "adapter", "name"));
                Node a = Leaf.known(s, "address", "bus", "target", "unit");
                if (a != null) {
                    b.scsiBus(Num.uint(a, "bus", 0)).scsiTarget(Num.uint(a, "target", 0))
                            .scsiUnit(Num.ulong(a, "unit", 0));
                }
            }
            case "mdev" -> b.mdevUuid(Leaf.attr(s, "address", "uuid"));
            case "storage" -> b.block(text(s, "block"));
            case "misc" -> b.charDev(text(s, "char"));
            case "net" -> b.interfaceName(text(s, "interface"));
            default -> {
                // scsi_host: attributes only; unknown types stay as written
            }
        }
        return b.other(s.rest()).build();
    }

    private static String text(Node s, String name) throws VirtException {
        return s.childText(name);
    }

    static XmlElement format(Hostdev h) {
        String managed = h.managed();
        if (managed == null && "subsystem".equals(h.mode())) {
            managed = "no"; // libvirt writes managed for every subsystem hostdev
        }
        Out o = new Out("hostdev").attrOrder(HOSTDEV_ATTRS).attr("mode", h.mode()).attr("type", h.type())
                .attr("managed", managed).attr("sgio", h.sgio()).attr("rawio", h.rawio()).attr("model", h.model())
                .attr("display", h.display()).attr("ramfb", h.ramfb());
        if (h.driverName() != null) {
            o.child(new Out("driver").attr("name", h.driverName()));
        }
        if (h.source() != null) {
            o.child(source(h.source()));
        }
        if (h.readOnly()) {
            o.child(XmlElement.of("readonly"));
        }
        if (h.shareable()) {
            o.child(XmlElement.of("shareable"));
        }
        o.child(NetInterfaceCodec.teaming(h.teaming()));
        o.children(NetIpCodec.format(h.ips(), h.routes()));
        return o.children(DeviceInfoCodec.format(h.info())).preserved(h.other()).build();
    }

    private static Out source(HostdevSource s) {
        Out o = new Out("source").attrOrder(SOURCE_ATTRS).attr("startupPolicy", s.startupPolicy())
                .attr("guestReset", s.guestReset()).attr("protocol", s.protocol()).attr("name", s.name())
                .attr("wwpn", s.wwpn());
        Address pci = s.pciAddress();
        if (pci != null) {
            o.child(new Out("address").attr("domain", String.format("0x%04x", zero(pci.domain())))
                    .attr("bus", String.format("0x%02x", zero(pci.bus())))
                    .attr("slot", String.format("0x%02x", zero(pci.slot())))
                    .attr("function", "0x" + zero(pci.function())).preserved(pci.other()));
        }
        if (s.vendorId() != null) {
            o.child(new Out("vendor").attr("id", String.format("0x%04x", s.vendorId())));
        }
        if (s.productId() != null) {
            o.child(new Out("product").attr("id", String.format("0x%04x", s.productId())));
        }
        if (s.usbBus() != null || s.usbDevice() != null) {
            o.child(new Out("address").attr("bus", s.usbBus()).attr("device", s.usbDevice()));
        }
        if (s.adapterName() != null) {
            o.child(new Out("adapter").attr("name", s.adapterName()));
        }
        if (s.scsiBus() != null || s.scsiTarget() != null || s.scsiUnit() != null) {
            o.child(new Out("address").attr("bus", s.scsiBus()).attr("target", s.scsiTarget())
                    .attr("unit", s.scsiUnit()));
        }
        if (s.mdevUuid() != null) {
            o.child(new Out("address").attr("uuid", s.mdevUuid()));
        }
        o.textChild("block", s.block()).textChild("char", s.charDev()).textChild("interface", s.interfaceName());
        return o.preserved(s.other());
    }

    private static int zero(Integer v) {
        return v == null ? 0 : v;
    }
}
