package org.jvirt.driver.xen.internal;

import static org.jvirt.driver.xen.internal.DefReader.devices;
import static org.jvirt.driver.xen.internal.DefReader.hvm;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.XmlElement;

/**
 * libvirt's xenFormatXL: domain XML (parsed) to xl.cfg. Two uses: {@link #toNative()} for
 * {@code domxml-to-native}, libvirt's output; {@link #forStart()} for the xl.cfg the driver creates
 * a domain from, which must give xl the libxl configuration libvirt's libxlBuildDomainConfig builds,
 * so it also says what libvirt's xl.cfg writer drops or refuses there: the Hyper-V groups as a
 * {@code viridian} list (libvirt's xl.cfg reader takes {@code viridian} only as a boolean, so
 * {@code domxml-to-native} keeps it one), {@code <vcpupin>} as a {@code cpus} list,
 * {@code <interface type='hostdev'>} as PCI passthrough
 * (libxlMakePCIList; libvirt's writer refuses the type) and Xen's pygrub for a PV guest with
 * neither kernel nor bootloader (libxlMakeDomBuildInfo).
 */
final class XlWriter {
    private final boolean start;

    private XlWriter(boolean start) {
        this.start = start;
    }

    static XlWriter toNative() {
        return new XlWriter(false);
    }

    static XlWriter forStart() {
        return new XlWriter(true);
    }

    String write(DomainDef def) throws VirtException {
        ConfText conf = new ConfText();
        new CommonWriter().write(conf, def, NativeFormats.XL, start);
        if (start && hvm(def)) {
            conf.setList("viridian", Viridian.xlGroups(DefReader.feature(def, "hyperv")));
        }
        if (start) {
            // libvirt's builder pins the vCPUs at creation (libxlSetVcpuAffinities); its xl.cfg writer drops <vcpupin>
            conf.setList("cpus", VcpuAffinity.xlList(def));
        }
        if (def.cputune() != null && def.cputune().shares() != null) {
            // libxlMakeDomBuildInfo's sched_params.weight; libvirt's xl.cfg writer drops it
            conf.setInt("cpu_weight", def.cputune().shares());
        }
        os(conf, def);
        cpuid(conf, def);
        VnumaText.write(conf, def);
        xenbusLimits(conf, def);
        conf.setList("disk", new XlDiskText().format(def));
        spice(conf, def);
        inputs(conf, def);
        usb(conf, def);
        channels(conf, def);
        List<String> args = DefReader.children(DefReader.child(def.other(), "xen:commandline"), "xen:arg")
                .map(a -> a.attribute("value")).toList();
        conf.setList("device_model_args", args);
        return conf.write();
    }

    private void os(ConfText conf, DomainDef def) {
        Os os = def.os();
        if (hvm(def)) {
            conf.setString("builder", "hvm");
            if (os.loader() != null && "pflash".equals(os.loader().type())) {
                conf.setString("bios", "ovmf");
                if (os.loader().path() != null) {
                    conf.setString("bios_path_override", os.loader().path());
                }
            }
            os.acpiTables().stream().findFirst().ifPresent(t -> conf.setString("acpi_firmware", t.path()));
            optional(conf, "kernel", os.kernel());
            optional(conf, "ramdisk", os.initrd());
            optional(conf, "cmdline", os.cmdline());
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
            Cpu cpu = def.cpu();
            if (cpu != null && "host-passthrough".equals(cpu.mode())) {
                boolean hwVirt = cpu.features().stream().noneMatch(f -> ("disable".equals(f.policy())
                        || "forbid".equals(f.policy())) && ("vmx".equals(f.name()) || "svm".equals(f.name())));
                conf.setInt("nestedhvm", hwVirt ? 1 : 0);
            }
            return;
        }
        if (os != null && "xenpvh".equals(os.type())) {
            conf.setString("type", "pvh");
        }
        XmlElement bootloader = DefReader.child(def.other(), "bootloader");
        if (bootloader != null && bootloader.text() != null) {
            conf.setString("bootloader", bootloader.text());
        }
        XmlElement bootargs = DefReader.child(def.other(), "bootloader_args");
        if (bootargs != null && bootargs.text() != null) {
            conf.setString("bootargs", bootargs.text());
        }
        boolean pv = os == null || !"xenpvh".equals(os.type());
        if (start && pv && (bootloader == null || bootloader.text() == null) && (os == null || os.kernel() == null)) {
            conf.setString("bootloader", "pygrub");   // libxlMakeDomBuildInfo: nothing to boot otherwise
        }
        if (os != null) {
            optional(conf, "kernel", os.kernel());
            optional(conf, "ramdisk", os.initrd());
            optional(conf, "cmdline", os.cmdline());
        }
    }

    private static void cpuid(ConfText conf, DomainDef def) {
        Cpu cpu = def.cpu();
        if (cpu == null || !"host-passthrough".equals(cpu.mode())) {
            return;
        }
        List<String> pairs = new ArrayList<>(List.of("host"));
        for (Cpu.Feature f : cpu.features()) {
            String name = CpuFeatureNames.toXen(f.name());
            if (name.equals("vmx") || name.equals("svm")) {
                continue;   // nestedhvm says it
            }
            String policy = switch (f.policy() == null ? "require" : f.policy()) {
                case "optional" -> "x";
                case "disable", "forbid" -> "0";
                default -> "1";
            };
            pairs.add(name + "=" + policy);
        }
        if (pairs.size() > 1) {
            conf.setString("cpuid", String.join(",", pairs));
        }
    }

    private static void xenbusLimits(ConfText conf, DomainDef def) {
        for (Controller c : def.devices().controllers()) {
            if (!"xenbus".equals(c.type())) {
                continue;
            }
            String events = DefReader.attribute(c.other(), "maxEventChannels");
            if (events != null && Long.parseLong(events) > 0) {
                conf.setInt("max_event_channels", Long.parseLong(events));
            }
            String frames = DefReader.attribute(c.other(), "maxGrantFrames");
            if (frames != null && Long.parseLong(frames) > 0) {
                conf.setInt("max_grant_frames", Long.parseLong(frames));
            }
        }
    }

    private void spice(ConfText conf, DomainDef def) {
        List<Graphics> all = def.devices().graphics();
        if (!hvm(def) || all.isEmpty() || !"spice".equals(all.get(0).type())) {
            return;
        }
        Graphics g = all.get(0);
        conf.setInt("sdl", 0);
        conf.setInt("vnc", 0);
        conf.setInt("spice", 1);
        String listen = CommonWriter.listenAddress(g);
        if (listen != null) {
            conf.setString("spicehost", listen);
        }
        conf.setInt("spiceport", g.port());
        conf.setInt("spicetls_port", g.tlsPort() == null ? 0 : g.tlsPort());
        if (start && g.keymap() != null) {
            conf.setString("keymap", g.keymap());
        }
        if (g.passwd() != null) {
            conf.setInt("spicedisable_ticketing", 0);
            conf.setString("spicepasswd", g.passwd());
        } else {
            conf.setInt("spicedisable_ticketing", 1);
        }
        if ("server".equals(g.mouseMode())) {
            conf.setInt("spiceagent_mouse", 0);
        } else if ("client".equals(g.mouseMode())) {
            conf.setInt("spiceagent_mouse", 1);
            conf.setInt("spicevdagent", 1);
        } else if (start) {
            conf.setInt("spiceagent_mouse", 1);   // libvirt's builder: client mode by default
        }
        if ("yes".equals(g.clipboardCopypaste())) {
            conf.setInt("spice_clipboard_sharing", 1);
            conf.setInt("spicevdagent", 1);
        } else if (start) {
            // libvirt's builder turns both off explicitly without copy and paste (over a client mouse's vdagent)
            conf.setInt("spicevdagent", 0);
            conf.setInt("spice_clipboard_sharing", 0);
        }
    }

    private static void inputs(ConfText conf, DomainDef def) {
        if (!hvm(def)) {
            return;
        }
        List<String> usb = new ArrayList<>();
        for (Input in : devices(def, Input.class)) {
            if (!"usb".equals(in.bus())) {
                continue;
            }
            conf.setInt("usb", 1);
            switch (in.type()) {
                case "mouse", "tablet", "keyboard" -> usb.add(in.type());
                default -> {
                }
            }
        }
        if (usb.size() == 1) {
            conf.setString("usbdevice", usb.get(0));   // Xen <= 4.2 syntax for one device, as libvirt
        } else {
            conf.setList("usbdevice", usb);
        }
    }

    private static void usb(ConfText conf, DomainDef def) throws VirtException {
        List<String> devs = new ArrayList<>();
        for (Hostdev h : devices(def, Hostdev.class)) {
            if ("subsystem".equals(h.mode()) && "usb".equals(h.type()) && h.source() != null) {
                devs.add("hostbus=" + Integer.toHexString(nz(h.source().usbBus())) + ",hostaddr="
                        + Integer.toHexString(nz(h.source().usbDevice())));
            }
        }
        conf.setList("usbdev", devs);
        List<String> ctrls = new ArrayList<>();
        for (Controller c : def.devices().controllers()) {
            if (!"usb".equals(c.type())) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            if (c.model() != null) {
                switch (c.model()) {
                    case "qusb1" -> sb.append("type=qusb,version=1,");
                    case "qusb2" -> sb.append("type=qusb,version=2,");
                    default -> throw XenErrors.confUnsupported("unsupported USB controller model '" + c.model() + "'");
                }
            }
            if (c.ports() != null) {
                sb.append("ports=").append(Integer.toHexString(c.ports()));
            }
            ctrls.add(sb.toString());
        }
        conf.setList("usbctrl", ctrls);
    }

    private static void channels(ConfText conf, DomainDef def) throws VirtException {
        List<String> list = new ArrayList<>();
        for (CharDevice c : DefReader.chars(def, "channel")) {
            if (c.target() == null || !"xen".equals(c.target().type())) {
                continue;
            }
            StringBuilder sb = new StringBuilder("connection=");
            switch (c.type()) {
                case "pty" -> sb.append("pty,");
                case "unix" -> {
                    sb.append("socket,");
                    if (c.source() != null && c.source().path() != null) {
                        sb.append("path=").append(c.source().path()).append(',');
                    }
                }
                default -> throw XenErrors.confUnsupported("unsupported channel type '" + c.type() + "'");
            }
            sb.append("name=").append(c.target().name());
            list.add(sb.toString());
        }
        conf.setList("channel", list);
    }

    private static void optional(ConfText conf, String name, String value) {
        if (value != null) {
            conf.setString(name, value);
        }
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }
}
