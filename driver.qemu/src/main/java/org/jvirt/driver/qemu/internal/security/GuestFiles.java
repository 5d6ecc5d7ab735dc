package org.jvirt.driver.qemu.internal.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemoryDevice;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Tpm;
import org.jvirt.api.xml.XmlElement;

/**
 * The host files a guest's QEMU opens, with how the DAC driver treats each (libvirt's
 * virSecurityDACSetAllLabel): local disk images (file and block; directories and network disks
 * are not labelled) and the backing files below qcow2 ones ({@link BackingChain}), kernel, initrd,
 * device tree and ACPI tables with the image label; character devices backed by files, devices,
 * pipes or client UNIX sockets, evdev inputs, TPM passthrough devices and nvdimm / virtio-pmem
 * backing files with the process label. Not handled: host devices (PCI/USB/SCSI assignment), SEV,
 * graphics render nodes and sysinfo fw_cfg files; the QEMU driver does not put {@code <loader>} /
 * {@code <nvram>} on the command line, so there is no NVRAM to label.
 */
final class GuestFiles {
    /** One file to label. */
    record Item(Path path, String label, boolean image, boolean createFile) {
        Item(Path path, boolean image) {
            this(path, null, image, false);
        }
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
                    out.add(new Item(Path.of(f), true));
                }
            }
            for (Os.AcpiTable t : os.acpiTables()) {
                if (t.path() != null && !t.path().isEmpty()) {
                    out.add(new Item(Path.of(t.path()), true));
                }
            }
        }
        if (def.devices() != null) {
            for (CharDevice c : def.devices().charDevices()) {
                chardev(c, out);
            }
            for (Device d : def.devices().all()) {
                String path = processFile(d);
                if (path != null && !path.isEmpty()) {
                    out.add(new Item(Path.of(path), false));
                }
            }
        }
        return out;
    }

    /**
     * The host file of an evdev input, a TPM passthrough device or an nvdimm / virtio-pmem
     * backing file (virSecurityDACSetInputLabel, SetTPMFileLabel, SetMemoryLabel), else null.
     */
    private static String processFile(Device d) {
        if (d instanceof Input i && ("evdev".equals(i.type()) || "passthrough".equals(i.type()))
                && i.source() != null) {
            return i.source().evdev() != null ? i.source().evdev() : i.source().dev();
        }
        if (d instanceof Tpm t && t.backend() != null && "passthrough".equals(t.backend().type())) {
            return t.backend().devicePath() == null ? "/dev/tpm0" : t.backend().devicePath();
        }
        if (d instanceof MemoryDevice m && ("nvdimm".equals(m.model()) || "virtio-pmem".equals(m.model()))
                && m.source() != null) {
            return m.source().path();
        }
        return null;
    }

    /** The files of one disk (its image and backing chain), for a hot-plug or a new medium. */
    static List<Item> ofDisk(Disk d) {
        List<Item> out = new ArrayList<>();
        disk(d, out);
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
        String text = label == null ? null : label.text();
        out.add(new Item(Path.of(path), text, true, false));
        // the chain below is labelled as its top (libvirt's parent_seclabel)
        if (type.equals("file")) {
            for (Path backing : BackingChain.below(Path.of(path), d.driverType())) {
                out.add(new Item(backing, text, true, false));
            }
        }
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
