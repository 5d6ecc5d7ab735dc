package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DeviceInfo;
import org.jvirt.api.xml.DeviceInfoBuilder;
import org.jvirt.api.xml.XmlElement;

/**
 * The device information children every device may have ({@code <boot>}, {@code <alias>},
 * {@code <master>}, {@code <acpi>}, {@code <rom>}, {@code <address>}), as libvirt's
 * virDomainDeviceInfoParseXML and virDomainDeviceInfoFormat. Parsing marks them used on the
 * device's {@link Node}, so they do not also land in its preserved content. An element whose
 * attributes are not all understood is left in the device's preserved content instead.
 */
final class DeviceInfoCodec {
    private DeviceInfoCodec() {
    }

    static DeviceInfo parse(Node device) throws VirtException {
        DeviceInfoBuilder b = DeviceInfo.builder();
        Node boot = known(device, "boot", "order", "loadparm");
        if (boot != null) {
            b.bootOrder(Num.uint(boot, "order")).bootLoadParm(boot.attr("loadparm"));
        }
        Node alias = known(device, "alias", "name");
        if (alias != null) {
            b.alias(alias.attr("name"));
        }
        Node master = known(device, "master", "startport");
        if (master != null) {
            b.masterStartport(Num.uint(master, "startport"));
        }
        Node acpi = known(device, "acpi", "index");
        if (acpi != null) {
            b.acpiIndex(Num.uint(acpi, "index"));
        }
        Node rom = known(device, "rom", "bar", "file", "enabled");
        if (rom != null) {
            b.romBar(rom.attr("bar")).romFile(rom.attr("file")).romEnabled(rom.attr("enabled"));
        }
        XmlElement address = device.element().child("address");
        if (address != null) {
            device.use(address);
            b.address(AddressCodec.parse(new Node(address)));
        }
        DeviceInfo info = b.build();
        return info.isEmpty() ? DeviceInfo.NONE : info;
    }

    /** The single child {@code name} when it has no children and only the given attributes. */
    private static Node known(Node device, String name, String... attrs) {
        List<XmlElement> found = device.element().children(name);
        if (found.size() != 1 || !found.get(0).children().isEmpty() || found.get(0).text() != null
                && !found.get(0).text().isBlank()) {
            return null;
        }
        XmlElement e = found.get(0);
        List<String> allowed = List.of(attrs);
        if (e.attributes().stream().anyMatch(a -> !allowed.contains(a.name()))) {
            return null;
        }
        device.use(e);
        return new Node(e);
    }

    /** The children for {@code info}, in libvirt's order. */
    static List<XmlElement> format(DeviceInfo info) {
        List<XmlElement> out = new ArrayList<>();
        if (info.bootOrder() != null || info.bootLoadParm() != null) {
            out.add(new Out("boot").attr("order", info.bootOrder()).attr("loadparm", info.bootLoadParm()).build());
        }
        if (info.alias() != null) {
            out.add(new Out("alias").attr("name", info.alias()).build());
        }
        if (info.masterStartport() != null) {
            out.add(new Out("master").attr("startport", info.masterStartport()).build());
        }
        if (info.acpiIndex() != null) {
            out.add(new Out("acpi").attr("index", info.acpiIndex()).build());
        }
        if (info.romBar() != null || info.romFile() != null || info.romEnabled() != null) {
            out.add(new Out("rom").attr("enabled", info.romEnabled()).attr("bar", info.romBar())
                    .attr("file", info.romFile()).build());
        }
        if (info.address() != null) {
            out.add(AddressCodec.format(info.address()));
        }
        return out;
    }
}
