package org.jvirt.driver.xen.internal;

import static org.jvirt.driver.xen.internal.DefReader.devices;
import static org.jvirt.driver.xen.internal.DefReader.featureOff;
import static org.jvirt.driver.xen.internal.DefReader.featureOn;
import static org.jvirt.driver.xen.internal.DefReader.hvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.Timer;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.api.xml.XmlElement;

/** libvirt's xenFormatConfigCommon: the settings xl.cfg and the xm format share. */
final class CommonWriter {
    private final NetWriter nets = new NetWriter();

    /** @param start the xl.cfg of a start: {@code <interface type='hostdev'>} goes to {@code pci}, as libxl's */
    void write(ConfText conf, DomainDef def, String format, boolean start) throws VirtException {
        conf.setString("name", def.name());
        conf.setString("uuid", def.uuid() == null ? "" : def.uuid().toString());
        long total = def.memory() == null ? 0 : def.memory().kib();
        long current = def.currentMemory() == null ? total : def.currentMemory().kib();
        conf.setInt("maxmem", (total + 1023) / 1024);
        conf.setInt("memory", (current + 1023) / 1024);
        cpuAllocation(conf, def);
        hypervisorFeatures(conf, def, start);
        timeOffset(conf, def);
        conf.setString("on_poweroff", orElse(def.onPoweroff(), "destroy"));
        conf.setString("on_reboot", orElse(def.onReboot(), "restart"));
        conf.setString("on_crash", orElse(def.onCrash(), "destroy"));
        if (def.devices().emulator() != null) {
            conf.setString("device_model_override", def.devices().emulator());
        }
        new VfbWriter().write(conf, def);
        conf.setList("vif", nets.vifs(def, NativeFormats.XL.equals(format) ? "vif" : "netfront", start));
        pci(conf, def, start);
        charDevices(conf, def, format);
        sound(conf, def, start);
    }

    private static void cpuAllocation(ConfText conf, DomainDef def) {
        Vcpu v = def.vcpu();
        int max = v == null ? 1 : v.count();
        int cur = v == null || v.current() <= 0 ? max : v.current();
        if (cur < max) {
            conf.setInt("maxvcpus", max);
        }
        conf.setInt("vcpus", cur);
        if (v != null && v.cpuset() != null) {
            conf.setString("cpus", v.cpuset());
        }
    }

    private static void hypervisorFeatures(ConfText conf, DomainDef def, boolean start) throws VirtException {
        boolean hvm = hvm(def);
        XmlElement xen = DefReader.feature(def, "xen");
        boolean xenOn = xen != null && !"off".equals(xen.attribute("state"));
        if (hvm) {
            conf.setInt("pae", featureOn(def, "pae") ? 1 : 0);
            conf.setInt("acpi", featureOn(def, "acpi") ? 1 : 0);
            conf.setInt("apic", featureOn(def, "apic") ? 1 : 0);
            if (featureOff(def, "hap")) {
                conf.setInt("hap", 0);
            } else if (start && featureOn(def, "hap")) {
                conf.setInt("hap", 1);   // libvirt's builder sets c_info.hap; its xl.cfg writer only writes 0
            }
            conf.setInt("viridian", featureOn(def, "viridian") ? 1 : 0);
        } else if (xenOn && xen.child("e820_host") != null && "on".equals(xen.child("e820_host").attribute("state"))) {
            conf.setInt("e820_host", 1);
        }
        XmlElement pt = xen == null ? null : xen.child("passthrough");
        if (xenOn && pt != null && "on".equals(pt.attribute("state"))) {
            String mode = pt.attribute("mode");
            conf.setString("passthrough", "sync_pt".equals(mode) || "share_pt".equals(mode) ? mode : "enabled");
        }
        Clock clock = def.clock();
        for (Timer t : clock == null ? List.<Timer>of() : clock.timers()) {
            switch (t.name()) {
                case "tsc" -> conf.setString("tsc_mode", switch (orElse(t.mode(), "")) {
                    case "native" -> "native";
                    case "paravirt" -> "native_paravirt";
                    case "emulate" -> "always_emulate";
                    default -> "default";
                });
                case "hpet" -> {
                    if (!hvm) {
                        throw XenErrors.confUnsupported("unsupported timer type (name) 'hpet'");
                    }
                    conf.setInt("hpet", "no".equals(t.present()) ? 0 : 1);
                }
                default -> throw XenErrors.confUnsupported("unsupported timer type (name) '" + t.name() + "'");
            }
        }
    }

    private static void timeOffset(ConfText conf, DomainDef def) throws VirtException {
        Clock c = def.clock() == null ? Clock.utc() : def.clock();
        String offset = orElse(c.offset(), "utc");
        int localtime;
        if (hvm(def)) {
            long adjustment = 0;
            switch (offset) {
                case "variable" -> {
                    localtime = "localtime".equals(c.basis()) ? 1 : 0;
                    adjustment = c.adjustment() == null ? 0 : c.adjustment();
                }
                case "utc", "localtime" -> {
                    if (c.adjustmentReset()) {
                        throw XenErrors.confUnsupported("unsupported clock adjustment='reset'");
                    }
                    localtime = offset.equals("localtime") ? 1 : 0;
                }
                default -> throw XenErrors.confUnsupported("unsupported clock offset='" + offset + "'");
            }
            conf.setInt("rtc_timeoffset", adjustment);
        } else {
            localtime = switch (offset) {
                case "utc" -> 0;
                case "localtime" -> 1;
                default -> throw XenErrors.confUnsupported("unsupported clock offset='" + offset + "'");
            };
        }
        conf.setInt("localtime", localtime);
    }

    private static void pci(ConfText conf, DomainDef def, boolean start) {
        List<String> pcis = new ArrayList<>();
        // libvirt's parser puts a hostdev NIC first among the hostdevs; libxl passes it through like them
        for (NetInterface n : start ? def.devices().interfaces() : List.<NetInterface>of()) {
            Address a = "hostdev".equals(n.type()) && n.source() != null ? n.source().hostAddress() : null;
            if (a != null) {
                pcis.add(String.format(Locale.ROOT, "%04x:%02x:%02x.%x", nz(a.domain()), nz(a.bus()), nz(a.slot()),
                        nz(a.function())));
            }
        }
        for (Hostdev h : devices(def, Hostdev.class)) {
            if (!"subsystem".equals(h.mode()) || !"pci".equals(h.type()) || h.source() == null
                    || h.source().pciAddress() == null) {
                continue;
            }
            var a = h.source().pciAddress();
            String filtering = DefReader.attribute(h.source().other(), "writeFiltering");
            String permissive = "yes".equals(filtering) ? ",permissive=0" : "no".equals(filtering) ? ",permissive=1" : "";
            pcis.add(String.format(Locale.ROOT, "%04x:%02x:%02x.%x%s", nz(a.domain()), nz(a.bus()), nz(a.slot()),
                    nz(a.function()), permissive));
        }
        conf.setList("pci", pcis);
    }

    private static void charDevices(ConfText conf, DomainDef def, String format) throws VirtException {
        if (!hvm(def)) {
            return;
        }
        List<CharDevice> parallels = DefReader.chars(def, "parallel");
        conf.setString("parallel", parallels.isEmpty() ? "none" : sxprChr(parallels.get(0)));
        List<CharDevice> serials = DefReader.hvmSerials(def);
        if (serials.isEmpty()) {
            conf.setString("serial", "none");
        } else if (serials.size() == 1 && port(serials.get(0)) == 0) {
            conf.setString("serial", sxprChr(serials.get(0)));
        } else {
            if (NativeFormats.XM.equals(format)) {
                throw XenErrors.confUnsupported("Multiple serial devices are not supported by xen-xm");
            }
            // a serial port without a target port number gets the next one, as libvirt's parser numbers them
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < serials.size(); i++) {
                CharDevice c = serials.get(i);
                ports.add(c.target() == null || c.target().port() == null ? i : c.target().port());
            }
            int maxPort = ports.stream().mapToInt(Integer::intValue).max().orElse(-1);
            List<String> list = new ArrayList<>();
            for (int p = 0; p <= maxPort; p++) {
                int at = ports.indexOf(p);
                list.add(at < 0 ? "none" : sxprChr(serials.get(at)));
            }
            conf.setList("serial", list);
        }
    }

    private static int port(CharDevice c) {
        return c.target() == null || c.target().port() == null ? 0 : c.target().port();
    }

    /** xenFormatSxprChr. */
    static String sxprChr(CharDevice c) throws VirtException {
        CharSource s = c.source();
        String type = c.type();
        return switch (type) {
            case "null", "stdio", "vc", "pty" -> type;
            case "file", "pipe" -> type + ":" + s.path();
            case "dev" -> s.path();
            case "tcp" -> ("raw".equals(orElse(s.protocol(), "raw")) ? "tcp" : "telnet") + ":" + orElse(s.host(), "")
                    + ":" + orElse(s.service(), "") + ("bind".equals(s.mode()) ? ",server,nowait" : "");
            case "udp" -> "udp:" + orElse(s.host(), "") + ":" + orElse(s.service(), "") + "@"
                    + orElse(s.bindHost(), "") + ":" + orElse(s.bindService(), "0");   // libxlMakeChrdevStr's any port
            case "unix" -> "unix:" + s.path() + ("bind".equals(s.mode()) ? ",server,nowait" : "");
            default -> throw XenErrors.confUnsupported("unsupported chr device type '" + type + "'");
        };
    }

    private static void sound(ConfText conf, DomainDef def, boolean start) {
        List<Sound> sounds = devices(def, Sound.class);
        if (!hvm(def) || sounds.isEmpty()) {
            return;
        }
        if (start) {
            // libxlMakeDomBuildInfo passes the first device only, ich6 under QEMU's name hda
            String model = sounds.get(0).model();
            conf.setString("soundhw", "ich6".equals(model) ? "hda" : model);
            return;
        }
        conf.setString("soundhw", String.join(",", sounds.stream().map(Sound::model).toList()));
    }

    static String orElse(String v, String dflt) {
        return v == null ? dflt : v;
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    /** The first listen address of a graphics device, or null. */
    static String listenAddress(Graphics g) {
        if (!g.listens().isEmpty() && g.listens().get(0).address() != null) {
            return g.listens().get(0).address();
        }
        return g.address();
    }
}
