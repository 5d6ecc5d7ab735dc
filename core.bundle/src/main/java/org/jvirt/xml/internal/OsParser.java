package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.OsBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <os>} (virDomainDefParseBootOptions and friends). */
final class OsParser {
    private static final Set<String> OS_TYPES = Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");
    private static final Set<String> BOOT_DEVS = Set.of("fd", "cdrom", "hd", "network");

    Os parse(Node n, Node devices) throws VirtException {
        if (n == null) {
            throw XmlErrors.xml("an os <type> must be specified");
        }
        Node t = n.child("type");
        if (t == null || t.text() == null || t.text().isBlank()) {
            throw XmlErrors.xml("an os <type> must be specified");
        }
        String type = t.text().trim();
        if (!OS_TYPES.contains(type)) {
            throw XmlErrors.xml("unknown OS type '" + type + "'");
        }
        String arch = t.attr("arch");
        String machine = t.attr("machine");
        t.requireFullyRead();
        String firmware = n.attr("firmware");
        String kernel = n.childText("kernel");
        String initrd = n.childText("initrd");
        String cmdline = n.childText("cmdline");
        List<String> boot = new ArrayList<>();
        for (Node b : n.children("boot")) {
            String dev = b.requiredAttr("dev");
            if (!BOOT_DEVS.contains(dev)) {
                throw XmlErrors.xml("unknown boot device '" + dev + "'");
            }
            b.requireFullyRead();
            boot.add(dev);
        }
        if (boot.isEmpty() && type.equals("hvm") && !hasDeviceBoot(devices)) {
            boot.add("hd");
        }
        Os.BootMenu menu = null;
        Node bm = n.child("bootmenu");
        if (bm != null) {
            String enable = bm.attr("enable");
            if (enable != null && !enable.equals("yes") && !enable.equals("no")) {
                throw XmlErrors.xml("invalid value for boot menu enable attribute");
            }
            Integer timeout = bm.intAttr("timeout");
            if (timeout != null && (timeout < 0 || timeout > 65535)) {
                throw XmlErrors.unsupported("invalid value for boot menu timeout, must be in range [0,65535]");
            }
            menu = new Os.BootMenu(enable, timeout);
            bm.requireFullyRead();
        }
        OsBuilder b = Os.builder().type(type).arch(arch).machine(machine).firmware(firmware)
                .kernel(kernel).initrd(initrd).cmdline(cmdline).bootDevices(boot).bootMenu(menu);
        OsInitCodec.parse(n, b);
        OsBootCodec.parse(n, b);
        return b.other(n.rest()).build();
    }

    /** libvirt's {@code boolean(./devices/ * /boot)}: per-device boot order replaces {@code <os><boot>}. */
    private static boolean hasDeviceBoot(Node devices) {
        if (devices == null) {
            return false;
        }
        for (XmlElement dev : devices.element().children()) {
            if (dev.child("boot") != null) {
                return true;
            }
        }
        return false;
    }
}
