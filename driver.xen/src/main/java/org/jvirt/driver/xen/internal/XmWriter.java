package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.XmlElement;

/** libvirt's xenFormatXM: domain XML (parsed) to the xm format. */
final class XmWriter {

    String write(DomainDef def) throws VirtException {
        ConfText conf = new ConfText();
        new CommonWriter().write(conf, def, NativeFormats.XM, false);
        os(conf, def);
        List<String> disks = new ArrayList<>();
        for (Disk d : def.devices().disks()) {
            if (!"floppy".equals(d.device())) {
                disks.add(disk(d));
            }
        }
        conf.setList("disk", disks);
        if (DefReader.hvm(def)) {
            for (Input in : DefReader.devices(def, Input.class)) {
                if ("usb".equals(in.bus()) && List.of("mouse", "tablet", "keyboard").contains(in.type())) {
                    conf.setInt("usb", 1);
                    conf.setString("usbdevice", in.type());
                    break;
                }
            }
        }
        return conf.write();
    }

    private static void os(ConfText conf, DomainDef def) {
        Os os = def.os();
        if (DefReader.hvm(def)) {
            conf.setString("builder", "hvm");
            if (os.loader() != null && os.loader().path() != null) {
                conf.setString("kernel", os.loader().path());
            }
            StringBuilder boot = new StringBuilder();
            for (String dev : os.bootDevices()) {
                boot.append(switch (dev) {
                    case "fd" -> 'a';
                    case "cdrom" -> 'd';
                    case "network" -> 'n';
                    default -> 'c';
                });
            }
            conf.setString("boot", boot.length() == 0 ? "c" : boot.toString());
            return;
        }
        XmlElement bootloader = DefReader.child(def.other(), "bootloader");
        if (bootloader != null && bootloader.text() != null) {
            conf.setString("bootloader", bootloader.text());
        }
        XmlElement bootargs = DefReader.child(def.other(), "bootloader_args");
        if (bootargs != null && bootargs.text() != null) {
            conf.setString("bootargs", bootargs.text());
        }
        if (os != null) {
            if (os.kernel() != null) {
                conf.setString("kernel", os.kernel());
            }
            if (os.initrd() != null) {
                conf.setString("ramdisk", os.initrd());
            }
            if (os.cmdline() != null) {
                conf.setString("extra", os.cmdline());
            }
        }
    }

    /** xenFormatXMDisk: {@code DRIVER:[SUBTYPE:]SOURCE,DEV[:cdrom],MODE}. */
    private static String disk(Disk d) throws VirtException {
        StringBuilder sb = new StringBuilder();
        String src = d.source() == null ? null : d.source().path();
        if (src != null) {
            String format = d.driver() == null ? null : d.driver().type();
            String driver = d.driver() == null ? null : d.driver().name();
            if (format != null) {
                if (driver != null) {
                    sb.append(driver).append(':');
                    if (driver.equals("tap") || driver.equals("tap2")) {
                        sb.append("raw".equals(format) ? "aio" : format).append(':');
                    }
                }
            } else if ("file".equals(d.type())) {
                sb.append("file:");
            } else if ("block".equals(d.type())) {
                sb.append("phy:");
            } else {
                throw XenErrors.conf("unsupported disk type " + d.type());
            }
            sb.append(src);
        }
        sb.append(',').append(d.targetDev());
        if ("cdrom".equals(d.device())) {
            sb.append(":cdrom");
        }
        sb.append(d.readOnly() ? ",r" : d.shareable() ? ",!" : ",w");
        if (d.transientDisk()) {
            throw XenErrors.confUnsupported("transient disks not supported yet");
        }
        return sb.toString();
    }
}
