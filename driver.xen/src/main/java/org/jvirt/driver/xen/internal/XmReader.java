package org.jvirt.driver.xen.internal;

import java.util.List;

import org.jvirt.api.VirtException;

/** libvirt's xenParseXM: the xm format into a domain element ({@link Node}). */
final class XmReader {

    Node read(Conf conf) throws VirtException {
        Node dom = new Node("domain").attr("type", "xen");
        new CommonReader().read(conf, dom, NativeFormats.XM);
        boolean hvm = CommonReader.hvm(dom);
        OsReader.xm(conf, dom);
        Node devices = dom.child("devices");
        for (String entry : conf.strings("disk")) {
            disk(entry, devices, hvm);
        }
        if (hvm) {
            String usb = conf.string("usbdevice", null);
            if (usb != null && List.of("tablet", "mouse", "keyboard").contains(usb)) {
                devices.add("input").attr("type", usb).attr("bus", "usb");
            }
        }
        return dom;
    }

    /**
     * xenParseXMDisk: {@code [DRIVER:[SUBTYPE:]]SOURCE,[ioemu:]DEV[:cdrom],MODE}; a malformed entry is
     * skipped, as libvirt skips it.
     */
    private static void disk(String entry, Node devices, boolean hvm) throws VirtException {
        int comma = entry.indexOf(',');
        if (comma < 0) {
            return;
        }
        String src = comma == 0 ? null : entry.substring(0, comma);
        String head = entry.substring(comma + 1);
        if (head.startsWith("ioemu:")) {
            head = head.substring(6);
        }
        comma = head.indexOf(',');
        if (comma < 0) {
            return;
        }
        String dst = head.substring(0, comma);
        String mode = head.substring(comma + 1);
        String driver = null;
        String format = null;
        if (src != null) {
            int colon = src.indexOf(':');
            if (colon >= 0) {
                driver = src.substring(0, colon);
                src = src.substring(colon + 1);
            }
            if ("tap".equals(driver) || "tap2".equals(driver)) {
                colon = src.indexOf(':');
                if (colon < 0) {
                    return;
                }
                String sub = src.substring(0, colon);
                format = sub.equals("aio") ? "raw" : sub;
                if (!List.of("raw", "qcow", "qcow2", "vhd", "qed", "vmdk", "cow", "bochs", "cloop", "dmg", "iso",
                        "vpc", "vdi", "fat", "ploop").contains(format)) {
                    throw XenErrors.conf("Unknown driver type " + src);
                }
                src = src.substring(colon + 1);
            }
        }
        if (driver == null) {
            driver = "phy";
        }
        boolean block = driver.equals("phy");
        String device = "disk";
        int colon = dst.indexOf(':');
        if (colon >= 0) {
            if (dst.substring(colon).equals(":cdrom")) {
                device = "cdrom";
            }
            dst = dst.substring(0, colon);
        }
        Node d = devices.add("disk").attr("type", block ? "block" : "file").attr("device", device);
        d.add("driver").attr("name", driver).attr("type", format);
        if (src != null) {
            d.add("source").attr(block ? "dev" : "file", src);
        }
        String bus = dst.startsWith("xvd") || !hvm ? "xen" : dst.startsWith("sd") ? "scsi" : "ide";
        d.add("target").attr("dev", dst).attr("bus", bus);
        if (mode.equals("r") || mode.equals("ro")) {
            d.add("readonly");
        } else if (mode.equals("w!") || mode.equals("!")) {
            d.add("shareable");
        }
    }
}
