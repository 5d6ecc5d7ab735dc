package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.XmlElement;

/**
 * The generic checks of libvirt's virDomainDefValidate (src/conf/domain_validate.c) that need no
 * driver, with libvirt's error codes and messages.
 */
final class DomainValidator {
    private final int flags;

    DomainValidator(int flags) {
        this.flags = flags;
    }

    void validate(DomainDef def) throws VirtException {
        if (def.name().contains("/")) {
            throw XmlErrors.xml("name " + def.name() + " cannot contain '/'");
        }
        bootOrder(def);
        disks(def.devices().disks());
        controllers(def.devices().controllers());
        videos(def.devices().ofType(Video.class));
    }

    private void bootOrder(DomainDef def) throws VirtException {
        XmlElement devices = new DevicesFormatter(DomainXmlCodec.FORMAT_SECURE, false).format(def.devices()).build();
        boolean deviceBoot = devices.children().stream().anyMatch(d -> d.child("boot") != null);
        // a parsed <os><boot> list exists only when the XML has one (the default is added otherwise)
        if (deviceBoot && !def.os().bootDevices().isEmpty()) {
            throw XmlErrors.unsupported("per-device boot elements cannot be used together with os/boot elements");
        }
    }

    private static void disks(List<Disk> disks) throws VirtException {
        for (int i = 0; i < disks.size(); i++) {
            for (int j = i + 1; j < disks.size(); j++) {
                Disk a = disks.get(i);
                Disk b = disks.get(j);
                if (Objects.equals(a.targetDev(), b.targetDev())) {
                    throw XmlErrors.xml("target '" + a.targetDev() + "' duplicated for disk sources '"
                            + nullstr(a.sourcePath()) + "' and '" + nullstr(b.sourcePath()) + "'");
                }
            }
        }
        for (int i = 0; i < disks.size(); i++) {
            XmlElement ai = driveAddress(disks.get(i));
            for (int j = i + 1; ai != null && j < disks.size(); j++) {
                XmlElement aj = driveAddress(disks.get(j));
                if (aj != null && Objects.equals(disks.get(i).targetBus(), disks.get(j).targetBus())
                        && sameDrive(ai, aj)) {
                    throw XmlErrors.unsupported("Found duplicate drive address for disk with target name '"
                            + disks.get(i).targetDev() + "' controller='" + num(ai, "controller") + "' bus='"
                            + num(ai, "bus") + "' target='" + num(ai, "target") + "' unit='" + num(ai, "unit") + "'");
                }
            }
        }
    }

    private static XmlElement driveAddress(Disk d) {
        return d.other().children().stream()
                .filter(e -> e.name().equals("address") && "drive".equals(e.attribute("type")))
                .findFirst().orElse(null);
    }

    private static boolean sameDrive(XmlElement a, XmlElement b) {
        for (String attr : new String[] {"controller", "bus", "target", "unit"}) {
            if (num(a, attr) != num(b, attr)) {
                return false;
            }
        }
        return true;
    }

    private static long num(XmlElement e, String attr) {
        String v = e.attribute(attr);
        try {
            return v == null ? 0 : Long.decode(v.trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String nullstr(String s) {
        return s == null ? "<null>" : s;
    }

    private static void controllers(List<Controller> controllers) throws VirtException {
        List<String> seen = new ArrayList<>();
        for (Controller c : controllers) {
            if (c.type().equals("usb")) {
                // USB companion controllers share the index of their master
                continue;
            }
            String key = c.type() + "/" + c.index();
            if (seen.contains(key)) {
                throw XmlErrors.xml("Multiple '" + c.type() + "' controllers with index '" + c.index() + "'");
            }
            seen.add(key);
        }
    }

    private static void videos(List<Video> videos) throws VirtException {
        if (videos.size() > 1 && videos.stream().anyMatch(v -> "none".equals(v.modelType()))) {
            throw XmlErrors.unsupported("a 'none' video type must be the only video device defined for the domain");
        }
        if (videos.stream().filter(Video::primary).count() > 1) {
            throw XmlErrors.unsupported("Only one primary video device is supported");
        }
    }
}
