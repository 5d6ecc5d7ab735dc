package org.jvirt.driver.xen.internal;

import org.jvirt.api.xml.DiskNames;

/**
 * What libvirt's libxl driver and its generic post-parse add to a definition read from a Xen
 * configuration (libxlDomainDefPostParse, libxlDomainDeviceDefPostParse,
 * xenDomainDefAddImplicitInputDevice, virDomainDiskDefAssignAddress): the xenbus controller, the
 * implicit mouse and keyboard, a video device for a display, the Xen balloon, the raw disk format,
 * drive addresses and the serial console.
 */
final class XenDefaults {
    private XenDefaults() {
    }

    static void apply(Node dom) {
        boolean hvm = CommonReader.hvm(dom);
        Node devices = dom.child("devices");
        if (devices.all("controller").stream().noneMatch(c -> "xenbus".equals(c.attr("type")))) {
            devices.add("controller").attr("type", "xenbus").attr("index", 0);
        }
        for (Node disk : devices.all("disk")) {
            // xl.cfg's default format is raw (xl-disk-configuration(5))
            Node driver = disk.childOrAdd("driver");
            if (driver.attr("type") == null) {
                driver.attr("type", "raw");
            }
            driveAddress(disk);
        }
        consoleCompat(devices, hvm);
        String bus = hvm ? "ps2" : "xen";
        for (String type : new String[] {"mouse", "keyboard"}) {
            if (devices.all("input").stream().noneMatch(i -> type.equals(i.attr("type")) && bus.equals(i.attr("bus")))) {
                devices.add("input").attr("type", type).attr("bus", bus);
            }
        }
        if (!devices.all("graphics").isEmpty() && devices.all("video").isEmpty()) {
            // libxl's defaults with QEMU upstream as device model: cirrus with 8 MiB, PV's framebuffer 4 MiB
            devices.add("video").add("model").attr("type", hvm ? "cirrus" : "xen").attr("vram", hvm ? 8192 : 4096)
                    .attr("heads", 1).attr("primary", "yes");
        }
        if (devices.child("memballoon") == null) {
            devices.add("memballoon").attr("model", "xen");
        }
    }

    /**
     * virDomainDefAddConsoleCompat: an HVM guest's first serial port is also its console (the
     * console element repeats the port's type and source, with a serial target).
     */
    private static void consoleCompat(Node devices, boolean hvm) {
        Node serial = devices.child("serial");
        if (!hvm || serial == null || devices.child("console") != null) {
            return;
        }
        Node console = devices.add("console").attr("type", serial.attr("type"));
        for (Node c : serial.children) {
            if (!c.name.equals("target")) {
                console.children.add(c);
            }
        }
        console.add("target").attr("type", "serial").attr("port", 0);
    }

    /** virDomainDiskDefAssignAddress for IDE (2 buses of 2 units a controller) and SCSI (7 units). */
    private static void driveAddress(Node disk) {
        Node target = disk.child("target");
        String bus = target.attr("bus");
        int idx = DiskNames.index(target.attr("dev"));
        if (idx < 0 || disk.child("address") != null) {
            return;
        }
        if ("ide".equals(bus)) {
            disk.add("address").attr("type", "drive").attr("controller", idx / 4).attr("bus", (idx % 4) / 2)
                    .attr("target", 0).attr("unit", idx % 2);
        } else if ("scsi".equals(bus)) {
            disk.add("address").attr("type", "drive").attr("controller", idx / 7).attr("bus", 0)
                    .attr("target", 0).attr("unit", idx % 7);
        }
    }
}
