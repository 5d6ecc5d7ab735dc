package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

/** Disks as {@code -blockdev} storage and format nodes plus their frontend {@code -device}. */
final class DiskArgs {
    private final QemuDomain d;
    private final BootIndex boot;

    private final CommandEnv env;

    DiskArgs(QemuDomain d, CommandEnv env) {
        this.d = d;
        this.env = env;
        this.boot = new BootIndex(d);
    }

    void disks(Argv a) {
        List<XNode> disks = d.devices("disk");
        for (XNode disk : disks) {
            if ("fdc".equals(disk.childAttr("target", "bus")) && boot.of(disk) != null) {
                int unit = disk.address() == null ? 0 : Attrs.intAttr(disk.address(), "unit", 0);
                a.add("-global", "isa-fdc.bootindex" + (unit == 0 ? "A" : "B") + "=" + boot.of(disk));
            }
        }
        // libvirt numbers storage nodes per disk, the last disk first
        int node = disks.size();
        for (XNode disk : disks) {
            String nodeName = null;
            if (hasSource(disk)) {
                nodeName = blockdev(a, disk, node);
            }
            node--;
            device(a, disk, nodeName);
        }
    }

    private static boolean hasSource(XNode disk) {
        XNode s = disk.child("source");
        if (s == null) {
            return false;
        }
        return s.attr("file") != null || s.attr("dev") != null || s.attr("name") != null
                || s.attr("dir") != null || s.attr("protocol") != null;
    }

    /** Writes the storage (and format) nodes; returns the node the frontend attaches to. */
    private String blockdev(Argv a, XNode disk, int n) {
        String type = disk.attr("type", "file");
        XNode src = disk.child("source");
        XNode driver = disk.child("driver");
        String format = driver == null ? "raw" : driver.attr("type", "raw");
        boolean readOnly = disk.child("readonly") != null || "cdrom".equals(disk.attr("device"));
        String cacheMode = driver == null ? null : driver.attr("cache");
        Json cache = cacheJson(cacheMode);
        boolean formatLayer = !format.equals("raw");
        String storageName = "libvirt-" + n + "-storage";
        Json storage = Json.object();
        switch (type) {
            case "block" -> storage.put("driver", "cdrom".equals(disk.attr("device")) && env.host().isCdrom(src.attr("dev"))
                    ? "host_cdrom" : "host_device")
                    .put("filename", src.attr("dev"));
            case "network" -> {
                String proto = src.attr("protocol", "");
                storage.put("driver", proto);
                XNode host = src.child("host");
                if (proto.equals("http") || proto.equals("https") || proto.equals("ftp") || proto.equals("ftps")
                        || proto.equals("tftp")) {
                    String port = host == null ? null : host.attr("port");
                    String path = src.attr("name", "");
                    storage.put("url", proto + "://" + (host == null ? "" : host.attr("name"))
                            + (port == null ? "" : ":" + port) + (path.startsWith("/") ? "" : "/") + path);
                    XNode readahead = src.child("readahead");
                    if (readahead != null && readahead.attr("size") != null) {
                        storage.put("readahead", Long.parseLong(readahead.attr("size")));
                    }
                    XNode timeout = src.child("timeout");
                    if (timeout != null && timeout.attr("seconds") != null) {
                        storage.put("timeout", Integer.parseInt(timeout.attr("seconds")));
                    }
                }
                if (proto.equals("nbd")) {
                    Json server = host != null && "unix".equals(host.attr("transport"))
                            ? Json.object().put("type", "unix").put("path", host.attr("socket"))
                            : Json.object().put("type", "inet").put("host", host == null ? null : host.attr("name"))
                            .put("port", host == null ? null : host.attr("port", "10809"));
                    storage.put("server", server).put("export", src.attr("name"));
                }
            }
            default -> storage.put("driver", "file").put("filename", src.attr("file"));
        }
        if (driver != null && driver.attr("io") != null && !type.equals("network")) {
            storage.put("aio", driver.attr("io"));
        }
        storage.put("node-name", storageName);
        if (formatLayer) {
            storage.put("auto-read-only", true).put("discard", "unmap");
        } else {
            storage.put("read-only", readOnly);
            if (driver != null && driver.attr("discard") != null) {
                storage.put("discard", driver.attr("discard"));
            }
            if (driver != null && driver.attr("detect_zeroes") != null) {
                storage.put("detect-zeroes", driver.attr("detect_zeroes"));
            }
        }
        storage.put("cache", cache);
        a.add("-blockdev", storage.toString());
        if (!formatLayer) {
            return storageName;
        }
        String formatName = "libvirt-" + n + "-format";
        String discard = driver == null ? null : driver.attr("discard");
        Json fmt = Json.object().put("node-name", formatName).put("read-only", readOnly).put("discard", discard)
                .put("detect-zeroes", driver == null ? null : driver.attr("detect_zeroes"))
                .put("cache", cache).put("driver", format).put("file", storageName);
        a.add("-blockdev", fmt.toString());
        return formatName;
    }

    private static Json cacheJson(String mode) {
        if (mode == null || mode.equals("default")) {
            return null;
        }
        boolean direct = mode.equals("none") || mode.equals("directsync");
        boolean noFlush = mode.equals("unsafe");
        return Json.object().put("direct", direct).put("no-flush", noFlush);
    }

    private void device(Argv a, XNode disk, String nodeName) {
        String bus = disk.childAttr("target", "bus");
        String devType = disk.attr("device", "disk");
        XNode addr = disk.address();
        XNode driver = disk.child("driver");
        String cacheMode = driver == null ? null : driver.attr("cache");
        Json j = Json.object();
        Integer bootIndex = boot.of(disk);
        switch (bus == null ? "" : bus) {
            case "ide", "sata" -> {
                j.put("driver", devType.equals("cdrom") ? "ide-cd" : "ide-hd");
                int ctrl = Attrs.intAttr(addr, "controller", 0);
                int busNo = Attrs.intAttr(addr, "bus", 0);
                int unit = Attrs.intAttr(addr, "unit", 0);
                if (bus.equals("ide")) {
                    j.put("bus", "ide." + busNo).put("unit", unit);
                } else {
                    j.put("bus", (d.isQ35() && ctrl == 0 ? "ide" : "sata" + ctrl) + "." + unit);
                }
                j.put("drive", nodeName).put("id", bus + ctrl + "-" + busNo + "-" + unit);
            }
            case "fdc" -> {
                int unit = Attrs.intAttr(addr, "unit", 0);
                j.put("driver", "floppy").put("unit", unit).put("drive", nodeName)
                        .put("id", "fdc0-0-" + unit);
                bootIndex = null;
            }
            case "virtio" -> {
                j.put("driver", "virtio-blk-pci");
                VirtioOptions.put(disk, j);
                if (driver != null && driver.attr("ioeventfd") != null) {
                    j.put("ioeventfd", "on".equals(driver.attr("ioeventfd")));
                }
                if (driver != null && driver.attr("event_idx") != null) {
                    j.put("event_idx", "on".equals(driver.attr("event_idx")));
                }
                if (driver != null) {
                    if (driver.attr("iothread") != null) {
                        j.put("iothread", "iothread" + driver.attr("iothread"));
                    }
                    if (driver.attr("queues") != null) {
                        j.put("num-queues", Integer.parseInt(driver.attr("queues")));
                    }
                    if (driver.attr("queue_size") != null) {
                        j.put("queue-size", Integer.parseInt(driver.attr("queue_size")));
                    }
                    putIothreadVqMapping(j, driver);
                }
                PciBus.put(d, disk, j);
                j.put("drive", nodeName).put("id", "virtio-disk" + DriveAddresses.diskIndex(
                        disk.childAttr("target", "dev")));
            }
            case "scsi" -> {
                j.put("driver", devType.equals("cdrom") ? "scsi-cd" : "scsi-hd");
                int ctrl = Attrs.intAttr(addr, "controller", 0);
                int busNo = Attrs.intAttr(addr, "bus", 0);
                int target = Attrs.intAttr(addr, "target", 0);
                int unit = Attrs.intAttr(addr, "unit", 0);
                XNode c = d.controller("scsi", ctrl);
                String model = c == null ? "lsilogic" : c.attr("model", "lsilogic");
                if (model.startsWith("virtio") || model.equals("vmpvscsi")) {
                    String suffix = ctrl + "-" + busNo + "-" + target + "-" + unit;
                    j.put("bus", "scsi" + ctrl + ".0").put("channel", busNo).put("scsi-id", target).put("lun", unit)
                            .put("device_id", "drive-scsi" + suffix).put("drive", nodeName).put("id", "scsi" + suffix);
                } else {
                    String suffix = ctrl + "-" + busNo + "-" + unit;
                    j.put("bus", "scsi" + ctrl + ".0").put("scsi-id", unit).put("device_id", "drive-scsi" + suffix)
                            .put("drive", nodeName).put("id", "scsi" + suffix);
                }
            }
            case "usb" -> {
                j.put("driver", "usb-storage");
                XNode ua = disk.address();
                if (ua != null && "usb".equals(ua.attr("type"))) {
                    j.put("bus", "usb." + ua.attr("bus", "0")).put("port", ua.attr("port"));
                }
                j.put("drive", nodeName).put("id", "usb-disk" + DriveAddresses.diskIndex(disk.childAttr("target", "dev")))
                        .put("removable", "on".equals(disk.childAttr("target", "removable")));
            }
            default -> {
                return;
            }
        }
        j.put("bootindex", bootIndex);
        XNode geo = disk.child("geometry");
        if (geo != null) {
            j.put("cyls", Integer.parseInt(geo.attr("cyls"))).put("heads", Integer.parseInt(geo.attr("heads")))
                    .put("secs", Integer.parseInt(geo.attr("secs")));
            if (geo.attr("trans") != null) {
                j.put("bios-chs-trans", geo.attr("trans"));
            }
        }
        if (disk.childText("wwn") != null) {
            String wwn = disk.childText("wwn").trim();
            j.put("wwn", Long.parseUnsignedLong(wwn.startsWith("0x") ? wwn.substring(2) : wwn, 16));
        }
        if (disk.childText("serial") != null) {
            j.put("serial", disk.childText("serial"));
        }
        String rotation = disk.childAttr("target", "rotation_rate");
        if (rotation != null) {
            j.put("rotation_rate", Integer.parseInt(rotation));
        }
        j.put("vendor", disk.childText("vendor")).put("product", disk.childText("product"));
        if (cacheMode != null && !cacheMode.equals("default")) {
            j.put("write-cache", cacheMode.equals("writethrough") || cacheMode.equals("directsync") ? "off" : "on");
        }
        if (driver != null && driver.attr("error_policy") != null) {
            String w = driver.attr("error_policy");
            String r = driver.attr("rerror_policy") != null ? driver.attr("rerror_policy") : w;
            j.put("werror", w);
            if (!r.equals("enospace")) {
                j.put("rerror", r);
            }
        } else if (driver != null && driver.attr("rerror_policy") != null) {
            j.put("rerror", driver.attr("rerror_policy"));
        }
        a.device(j);
    }

    /**
     * The {@code iothread-vq-mapping} property from a driver element's {@code <iothreads>}
     * (virtio disks and virtio SCSI controllers write it the same way).
     */
    static void putIothreadVqMapping(Json j, XNode driver) {
        XNode threads = driver.child("iothreads");
        if (threads != null) {
            List<Json> mapping = new ArrayList<>();
            for (XNode t : threads.all("iothread")) {
                Json m = Json.object().put("iothread", "iothread" + t.attr("id"));
                List<Integer> vqs = new ArrayList<>();
                for (XNode q : t.all("queue")) {
                    vqs.add(Integer.parseInt(q.attr("id")));
                }
                if (!vqs.isEmpty()) {
                    m.put("vqs", vqs);
                }
                mapping.add(m);
            }
            j.put("iothread-vq-mapping", mapping);
        }
    }
}
