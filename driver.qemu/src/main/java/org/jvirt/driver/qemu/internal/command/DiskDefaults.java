package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskBuilder;
import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskDriver;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DiskTarget;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.SourceHost;
import org.jvirt.api.xml.XmlElement;

/**
 * A disk's post-parse defaults (virDomainDiskDefPostParse and qemuDomainDeviceDiskDefPostParse):
 * type and device, the qemu driver and raw format, well-known network ports, the LUKS engine,
 * read-only CD-ROMs, the target bus from the target name and the drive address it implies.
 */
final class DiskDefaults {
    private DiskDefaults() {
    }

    static Disk disk(Disk disk) {
        DiskBuilder b = disk.toBuilder();
        String type = disk.type() == null ? "file" : disk.type();
        String device = disk.device() == null ? "disk" : disk.device();
        b.type(type).device(device);
        boolean local = type.equals("file") || type.equals("block") || type.equals("dir");
        DiskSource source = disk.source();
        DiskDriver driver = disk.driver();
        if (driver == null && (local || type.equals("network") || type.equals("volume"))) {
            driver = DiskDriver.builder().build();
        }
        if (driver != null) {
            if (driver.name() == null) {
                driver = driver.withName("qemu");
            }
            if (driver.type() == null && source != null && (local || type.equals("network"))) {
                driver = driver.withType("raw");
            }
            b.driver(driver);
        }
        if (source != null) {
            if (type.equals("network")) {
                source = networkPorts(source);
            }
            source = source.withEncryption(luksEngine(source.encryption()));
            b.source(source);
        }
        b.encryption(luksEngine(disk.encryption()));
        if (device.equals("cdrom")) {
            b.readOnly(true);
        }
        DiskTarget target = disk.target();
        if (target != null) {
            if ("closed".equals(target.tray())) {
                target = target.withTray(null);
            }
            if (target.bus() == null) {
                target = target.withBus(busOf(target.dev() == null ? "" : target.dev()));
            }
            b.target(target);
            if (disk.info().address() == null) {
                Address a = DriveAddresses.forTarget(target.bus(), target.dev() == null ? "" : target.dev());
                if (a != null) {
                    b.info(disk.info().withAddress(a));
                }
            }
        }
        Disk done = b.build();
        return done.equals(disk) ? disk : done;
    }

    private static String busOf(String dev) {
        return dev.startsWith("hd") ? "ide" : dev.startsWith("sd") ? "scsi"
                : dev.startsWith("vd") ? "virtio" : dev.startsWith("fd") ? "fdc" : "ide";
    }

    /** Hosts of http(s), ftp(s) and tftp sources get the protocol's well-known port. */
    private static DiskSource networkPorts(DiskSource source) {
        Integer port = switch (source.protocol() == null ? "" : source.protocol()) {
            case "http" -> 80;
            case "https" -> 443;
            case "ftp" -> 21;
            case "ftps" -> 990;
            case "tftp" -> 69;
            default -> null;
        };
        if (port == null) {
            return source;
        }
        List<SourceHost> hosts = new ArrayList<>();
        for (SourceHost h : source.hosts()) {
            hosts.add(h.port() == null && h.name() != null ? new SourceHost(h.name(), port, h.transport(), h.socket())
                    : h);
        }
        // hosts the model could not type stay in the preserved children
        List<XmlElement> kept = new ArrayList<>();
        for (XmlElement e : source.other().children()) {
            kept.add(e.name().equals("host") && e.attribute("port") == null && e.attribute("name") != null
                    ? e.withAttribute("port", port.toString()) : e);
        }
        return source.withHosts(hosts).withOther(new Preserved(source.other().attributes(), kept));
    }

    /** A LUKS encryption without an engine is QEMU's. */
    private static DiskEncryption luksEngine(DiskEncryption e) {
        return e != null && "luks".equals(e.format()) && e.engine() == null ? e.withEngine("qemu") : e;
    }
}
