package org.jvirt.driver.qemu.internal.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.XmlElement;

/**
 * The host files a guest's QEMU opens, with how the DAC driver treats each (libvirt's
 * virSecurityDACSetAllLabel): local disk images (file and block; directories and network disks
 * are not labelled), kernel, initrd and device tree with the image label, and character devices
 * backed by files, devices, pipes or client UNIX sockets with the process label.
 */
final class GuestFiles {
    /** One file to label. */
    record Item(Path path, String label, boolean image, boolean createFile) {
    }

    private GuestFiles() {
    }

    /**
     * The files of {@code def}. {@code label} is the per-device label when the device names one
     * ({@code <source><seclabel model='dac'><label>}), null otherwise; devices with
     * {@code relabel='no'} are left out.
     */
    static List<Item> of(DomainDef def) {
        List<Item> out = new ArrayList<>();
        if (def.devices() != null) {
            for (Disk d : def.devices().disks()) {
                disk(d, out);
            }
        }
        Os os = def.os();
        if (os != null) {
            for (String f : new String[] {os.kernel(), os.initrd(), os.dtb()}) {
                if (f != null && !f.isEmpty()) {
                    out.add(new Item(Path.of(f), null, true, false));
                }
            }
        }
        if (def.devices() != null) {
            for (CharDevice c : def.devices().charDevices()) {
                chardev(c, out);
            }
        }
        return out;
    }

    private static void disk(Disk d, List<Item> out) {
        DiskSource src = d.source();
        String type = d.type() == null ? "file" : d.type();
        if (src == null || !(type.equals("file") || type.equals("block"))) {
            return;
        }
        String path = type.equals("file") ? src.file() : src.dev();
        if (path == null || path.isEmpty()) {
            return;
        }
        XmlElement sl = dacSeclabel(DomainSeclabel.seclabels(src.other()));
        if (sl != null && "no".equals(sl.attribute("relabel"))) {
            return;
        }
        XmlElement label = sl == null ? null : sl.child("label");
        out.add(new Item(Path.of(path), label == null ? null : label.text(), true, false));
    }

    private static void chardev(CharDevice c, List<Item> out) {
        CharSource src = c.source();
        if (src == null || src.path() == null || c.type() == null) {
            return;
        }
        XmlElement sl = dacSeclabel(DomainSeclabel.seclabels(src.other()));
        if (sl != null && "no".equals(sl.attribute("relabel"))) {
            return;
        }
        String label = sl == null || sl.child("label") == null ? null : sl.child("label").text();
        switch (c.type()) {
            // libvirt pre-creates a file chardev (qemuProcessPrepareChardevDevice) so that it can label it
            case "file" -> out.add(new Item(Path.of(src.path()), label, false, true));
            case "dev", "pipe" -> out.add(new Item(Path.of(src.path()), label, false, false));
            case "unix" -> {
                if (!"bind".equals(src.mode())) {
                    out.add(new Item(Path.of(src.path()), label, false, false));
                }
            }
            default -> {
            }
        }
    }

    private static XmlElement dacSeclabel(List<XmlElement> seclabels) {
        for (XmlElement e : seclabels) {
            String model = e.attribute("model");
            if (model == null || DomainSeclabel.MODEL.equals(model)) {
                return e;
            }
        }
        return null;
    }
}
