package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.xml.DeviceInfo;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.XmlElement;

/**
 * Formats an untyped device: its element as written, with the device information children
 * replaced by the typed {@link DeviceInfo} (which is authoritative), in the place where the
 * element had them, so that an unchanged device formats exactly as it was written.
 */
final class GenericDeviceFormat {
    private static final Set<String> INFO = Set.of("boot", "alias", "master", "acpi", "rom", "address");

    private GenericDeviceFormat() {
    }

    static XmlElement format(GenericDevice g) {
        XmlElement e = g.element();
        DeviceInfo info = g.info();
        List<XmlElement> kids = new ArrayList<>();
        int at = -1;
        for (XmlElement c : e.children()) {
            if (INFO.contains(c.name()) && typed(info, c.name())) {
                at = at < 0 ? kids.size() : at;
            } else {
                kids.add(c);
            }
        }
        List<XmlElement> formatted = DeviceInfoCodec.format(info);
        if (at < 0 && formatted.isEmpty()) {
            return e;
        }
        kids.addAll(at < 0 ? kids.size() : at, formatted);
        return e.withChildren(kids);
    }

    /** Whether the typed info holds this child (an element it could not type stays as written). */
    private static boolean typed(DeviceInfo info, String name) {
        return switch (name) {
            case "boot" -> info.bootOrder() != null || info.bootLoadParm() != null;
            case "alias" -> info.alias() != null;
            case "master" -> info.masterStartport() != null;
            case "acpi" -> info.acpiIndex() != null;
            case "rom" -> info.romBar() != null || info.romFile() != null || info.romEnabled() != null;
            default -> info.address() != null;
        };
    }
}
