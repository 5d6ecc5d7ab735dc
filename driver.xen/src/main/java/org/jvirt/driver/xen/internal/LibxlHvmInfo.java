package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.Timer;

/** libvirt's libxlMakeDomBuildInfo, HVM part: {@code b_info."type.hvm"}. */
final class LibxlHvmInfo {
    private final int vncPortMin;

    LibxlHvmInfo(int vncPortMin) {
        this.vncPortMin = vncPortMin;
    }

    Map<String, Object> build(DomainDef def) throws VirtException {
        Map<String, Object> h = new LinkedHashMap<>();
        Os os = def.os();
        if (os.loader() != null && "pflash".equals(os.loader().type())) {
            h.put("bios", "ovmf");
        }
        h.put("pae", DefReader.featureOn(def, "pae") ? "True" : "False");
        List<Integer> viridian = Viridian.enlightenments(DefReader.feature(def, "hyperv"));
        if (!viridian.isEmpty()) {
            h.put("viridian_enable", viridian);
        }
        if (os.loader() != null && "pflash".equals(os.loader().type()) && os.loader().path() != null) {
            h.put("system_firmware", os.loader().path());
        }
        for (Timer t : def.clock() == null ? List.<Timer>of() : def.clock().timers()) {
            if (t.name().equals("hpet")) {
                h.put("hpet", "no".equals(t.present()) ? "False" : "True");
            }
        }
        os.acpiTables().stream().filter(t -> "slic".equals(t.type())).findFirst()
                .ifPresent(t -> h.put("acpi_firmware", t.path()));
        List<Graphics> graphics = def.devices().graphics();
        if (graphics.isEmpty()) {
            h.put("nographic", "True");
        }
        Map<String, Object> vga = new LinkedHashMap<>();
        vga.put("kind", LibxlDevices.vgaKind(def));
        h.put("vga", vga);
        Graphics vnc = graphics.stream().filter(g -> "vnc".equals(g.type())).findFirst().orElse(null);
        Graphics sdl = graphics.stream().filter(g -> "sdl".equals(g.type())).findFirst().orElse(null);
        h.put("vnc", LibxlDevices.vnc(vnc, vncPortMin));
        h.put("sdl", LibxlDevices.sdl(sdl));
        Graphics spice = graphics.stream().filter(g -> "spice".equals(g.type())).findFirst().orElse(null);
        if (spice != null) {
            h.put("spice", LibxlDevices.spice(spice, vncPortMin));
            LibxlConfigBuilder.putIf(h, "keymap", spice.keymap());
        } else {
            h.put("spice", new LinkedHashMap<>());
        }
        List<CharDevice> serials = DefReader.hvmSerials(def);
        if (serials.size() == 1) {
            h.put("serial", chr(serials.get(0)));
        } else if (serials.size() > 1) {
            List<String> list = new ArrayList<>();
            for (CharDevice c : serials) {
                list.add(chr(c));
            }
            h.put("serial_list", list);
        }
        List<Sound> sounds = DefReader.devices(def, Sound.class);
        if (!sounds.isEmpty()) {
            // the first sound device only: xl.cfg(5) describes soundhw as a single device
            String model = sounds.get(0).model();
            h.put("soundhw", "ich6".equals(model) ? "hda" : model);
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
        h.put("boot", boot.length() == 0 ? "c" : boot.toString());
        List<String> usb = new ArrayList<>();
        for (Input in : DefReader.devices(def, Input.class)) {
            if ("usb".equals(in.bus()) && List.of("mouse", "tablet", "keyboard").contains(in.type())) {
                usb.add(in.type());
            }
        }
        if (usb.size() == 1) {
            h.put("usbdevice", usb.get(0));
        } else if (usb.size() > 1) {
            h.put("usbdevice_list", usb);
        }
        h.put("rdm", new LinkedHashMap<>());
        return h;
    }

    /** libxlMakeChrdevStr: QEMU's character device syntax. */
    private static String chr(CharDevice c) throws VirtException {
        var s = c.source();
        return switch (c.type()) {
            case "null", "stdio", "vc", "pty" -> c.type();
            case "file", "pipe" -> c.type() + ":" + s.path();
            case "dev" -> s.path();
            case "udp" -> "udp:" + orEmpty(s.host()) + ":" + orEmpty(s.service()) + "@" + orEmpty(s.bindHost())
                    + ":" + (s.bindService() == null ? "0" : s.bindService());
            case "tcp" -> ("telnet".equals(s.protocol()) ? "telnet:" : "tcp:") + orEmpty(s.host()) + ":"
                    + orEmpty(s.service()) + ("bind".equals(s.mode()) ? ",server,nowait" : "");
            case "unix" -> "unix:" + s.path() + ("bind".equals(s.mode()) ? ",server,nowait" : "");
            default -> throw XenErrors.confUnsupported("unsupported chardev '" + c.type() + "'");
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
