package org.jvirt.driver.xen.internal;

import java.util.List;

import org.jvirt.api.VirtException;

/**
 * xl's disk syntax (xl-disk-configuration.txt, libxlutil's xlu_disk_parse) as libvirt's
 * xenParseXLDisk turns it into disks: {@code key=value} or positional
 * {@code target,format,vdev,access}; {@code target=} takes the rest of the entry.
 */
final class XlDiskReader {
    private static final List<String> POSITIONAL = List.of("target", "format", "vdev", "access");

    void read(Conf conf, Node devices, boolean hvm) throws VirtException {
        for (String entry : conf.strings("disk")) {
            disk(entry, devices, hvm);
        }
    }

    private static void disk(String entry, Node devices, boolean hvm) throws VirtException {
        String target = null;
        String format = null;
        String vdev = null;
        String access = null;
        String backend = null;
        boolean cdrom = false;
        int positional = 0;
        String rest = entry;
        while (rest != null) {
            String token;
            if (rest.startsWith("target=")) {
                token = rest;
                rest = null;
            } else {
                int comma = rest.indexOf(',');
                token = comma < 0 ? rest : rest.substring(0, comma);
                rest = comma < 0 ? null : rest.substring(comma + 1);
            }
            token = token.strip();
            int eq = token.indexOf('=');
            String key;
            String value;
            if (eq >= 0) {
                key = token.substring(0, eq);
                value = token.substring(eq + 1);
            } else if (token.equals("cdrom")) {
                cdrom = true;
                continue;
            } else {
                if (positional >= POSITIONAL.size()) {
                    if (token.isEmpty()) {
                        continue;   // trailing empty positions
                    }
                    throw XenErrors.conf("failed to parse disk '" + entry + "'");
                }
                key = POSITIONAL.get(positional++);
                value = token;
                if (value.isEmpty()) {
                    continue;
                }
            }
            switch (key) {
                case "target" -> target = value;
                case "format" -> format = value;
                case "vdev" -> vdev = value;
                case "access" -> access = value;
                case "backendtype" -> backend = value;
                case "devtype" -> cdrom = value.equals("cdrom");
                default -> {
                }
            }
        }
        if (vdev == null) {
            throw XenErrors.conf("failed to parse disk '" + entry + "': no vdev");
        }
        String driver = "phy".equals(backend) ? "phy" : "tap".equals(backend) ? "tap" : "qemu";
        Node d = devices.add("disk").attr("type", "phy".equals(driver) ? "block" : "file")
                .attr("device", cdrom ? "cdrom" : "disk");
        d.add("driver").attr("name", driver).attr("type", switch (format == null ? "raw" : format) {
            case "qcow", "qcow2", "qed" -> format;
            case "vhd" -> "vhd";
            case "raw", "empty" -> "raw";
            default -> throw XenErrors.conf("unknown disk format '" + format + "'");
        });
        if (target != null && !target.isEmpty()) {
            d.add("source").attr("phy".equals(driver) ? "dev" : "file", target);
        }
        String bus = vdev.startsWith("xvd") || !hvm ? "xen" : vdev.startsWith("sd") ? "scsi" : "ide";
        d.add("target").attr("dev", vdev).attr("bus", bus);
        boolean readonly = cdrom || "ro".equals(access) || "r".equals(access);
        if (readonly) {
            d.add("readonly");
        } else if ("!".equals(access) || "w!".equals(access)) {
            d.add("shareable");
        }
    }
}
