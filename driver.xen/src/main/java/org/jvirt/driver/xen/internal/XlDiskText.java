package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;

/** libvirt's xenFormatXLDisk: xl's key=value disk syntax (xl-disk-configuration.txt), target last. */
final class XlDiskText {

    List<String> format(DomainDef def) throws VirtException {
        List<String> out = new ArrayList<>();
        for (Disk d : def.devices().disks()) {
            if (!"floppy".equals(d.device())) {
                out.add(disk(d));
            }
        }
        return out;
    }

    private static String disk(Disk d) throws VirtException {
        StringBuilder sb = new StringBuilder("format=");
        String type = d.driver() == null ? null : d.driver().type();
        sb.append(switch (type == null ? "" : type) {
            case "vhd" -> "xvhd";
            case "qcow", "qcow2", "qed" -> type;
            default -> "raw";
        });
        sb.append(",vdev=").append(d.targetDev());
        sb.append(",access=").append(d.readOnly() ? "ro" : d.shareable() ? "!" : "rw");
        if (d.transientDisk()) {
            throw XenErrors.confUnsupported("transient disks not supported yet");
        }
        String driver = d.driver() == null ? null : d.driver().name();
        if (driver != null) {
            sb.append(",backendtype=");
            switch (driver) {
                case "qemu", "file" -> sb.append("qdisk");
                case "tap" -> sb.append("tap");
                case "phy" -> sb.append("phy");
                default -> {
                }
            }
        }
        if ("cdrom".equals(d.device())) {
            sb.append(",devtype=cdrom");
        }
        String target = target(d);
        if (target != null) {
            sb.append(",target=").append(target);
        }
        return sb.toString();
    }

    private static String target(Disk d) throws VirtException {
        DiskSource s = d.source();
        if (s == null) {
            return null;
        }
        if ("network".equals(d.type())) {
            return rbd(s);
        }
        String path = s.path();
        return path == null || path.isEmpty() ? null : path;
    }

    private static String rbd(DiskSource s) throws VirtException {
        if (!"rbd".equals(s.protocol())) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.XENXL,
                    "Unsupported network block protocol '" + s.protocol() + "'");
        }
        String name = s.name();
        if (name.contains(":")) {
            throw XenErrors.confUnsupported("':' not allowed in RBD source volume name '" + name + "'");
        }
        StringBuilder sb = new StringBuilder("rbd:").append(name).append(":auth_supported=none");
        if (!s.hosts().isEmpty()) {
            sb.append(":mon_host=");
            for (int i = 0; i < s.hosts().size(); i++) {
                var h = s.hosts().get(i);
                if (i > 0) {
                    sb.append("\\\\;");
                }
                sb.append(h.name().contains(":") ? "[" + h.name().replace(":", "\\:") + "]" : h.name());
                if (h.port() != null) {
                    sb.append("\\\\:").append(h.port());
                }
            }
        }
        return sb.toString();
    }
}
