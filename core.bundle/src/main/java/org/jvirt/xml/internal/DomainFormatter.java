package org.jvirt.xml.internal;

import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Timer;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.api.xml.VcpuEntry;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.api.xml.XmlElement;

/** Formats a {@link DomainDef} as libvirt's virDomainDefFormatInternal does. */
final class DomainFormatter {
    private final int flags;

    DomainFormatter(int flags) {
        this.flags = flags;
    }

    String format(DomainDef def) {
        XmlElement root = toElement(def);
        StringBuilder out = new StringBuilder();
        // <metadata> is dumped by libxml2 in libvirt, so it is written separately
        out.append('<').append(root.name());
        root.attributes().forEach(a -> out.append(' ').append(a.name()).append("='")
                .append(XmlWriter.escape(a.value())).append('\''));
        out.append(">\n");
        for (XmlElement c : root.children()) {
            if (c == def.metadata()) {
                out.append("  ");
                XmlWriter.writeLibxml(out, c, 2, false);
                out.append('\n');
            } else if (c.name().equals("devices") && c.children().isEmpty()) {
                // libvirt always opens <devices>, even with nothing in it
                out.append("  <devices>\n  </devices>\n");
            } else {
                XmlWriter.write(out, c, 2);
            }
        }
        out.append("</").append(root.name()).append(">\n");
        return out.toString();
    }

    XmlElement toElement(DomainDef def) {
        boolean inactive = (flags & DomainXmlCodec.FORMAT_INACTIVE) != 0 || def.id() == -1;
        Out d = new Out("domain").attr("type", def.type());
        if (!inactive) {
            d.attr("id", def.id());
        }
        d.textChild("name", def.name());
        if (def.uuid() != null) {
            d.textChild("uuid", def.uuid().toString());
        }
        d.textChild("title", def.title());
        d.textChild("description", def.description());
        d.child(def.metadata());
        if (def.maxMemory() != null) {
            d.child(new Out("maxMemory").attr("slots", def.maxMemory().slots() > 0 ? def.maxMemory().slots() : null).attr("unit", "KiB")
                    .text(Long.toString(def.maxMemory().kib())));
        }
        Memory mem = def.memory();
        d.child(new Out("memory").attr("dumpCore", mem.dumpCore()).attr("unit", "KiB").text(Long.toString(mem.kib())));
        d.child(new Out("currentMemory").attr("unit", "KiB").text(Long.toString(def.currentMemoryKib())));
        d.child(vcpu(def.vcpu()));
        if (!def.vcpus().isEmpty()) {
            Out vs = new Out("vcpus");
            for (VcpuEntry v : def.vcpus()) {
                vs.child(new Out("vcpu").attr("id", v.id()).attr("enabled", v.enabled() ? "yes" : "no")
                        .attr("hotpluggable", v.hotpluggable()).attr("order", v.order() == 0 ? null : v.order()));
            }
            d.child(vs);
        }
        d.child(cputune(def.cputune()));
        d.child(os(def.os()));
        d.child(IdMapCodec.format(def.idmap()));
        if (def.features() != null) {
            d.child(new Out("features").children(def.features().entries())
                    .child(CapabilitiesCodec.format(def.features().capabilities())));
        }
        d.child(cpu(def.cpu()));
        d.child(clock(def.clock() == null ? Clock.utc() : def.clock()));
        d.textChild("on_poweroff", def.onPoweroff() == null ? "destroy" : def.onPoweroff());
        d.textChild("on_reboot", def.onReboot() == null ? "restart" : def.onReboot());
        d.textChild("on_crash", def.onCrash() == null ? "destroy" : def.onCrash());
        d.child(new DevicesFormatter(flags, inactive).format(def.devices()));
        DomainTuningCodec.format(d, def);
        SysinfoCodec.format(d, def.sysinfo());
        d.child(LaunchSecurityCodec.format(def.launchSecurity()));
        d.preserved(def.other());
        return d.build();
    }

    private static Out vcpu(Vcpu v) {
        Out o = new Out("vcpu").attr("placement", v.placement() == null ? "static" : v.placement());
        o.attr("cpuset", v.cpuset());
        if (v.current() != v.count()) {
            o.attr("current", v.current());
        }
        return o.text(Integer.toString(v.count()));
    }

    private static Out cputune(CpuTune t) {
        if (t == null) {
            return null;
        }
        Out o = new Out("cputune");
        o.textChild("shares", t.shares()).textChild("period", t.period()).textChild("quota", t.quota())
                .textChild("global_period", t.globalPeriod()).textChild("global_quota", t.globalQuota())
                .textChild("emulator_period", t.emulatorPeriod()).textChild("emulator_quota", t.emulatorQuota())
                .textChild("iothread_period", t.iothreadPeriod()).textChild("iothread_quota", t.iothreadQuota());
        for (VcpuPin p : t.vcpuPins()) {
            o.child(new Out("vcpupin").attr("vcpu", p.vcpu()).attr("cpuset", p.cpuset()));
        }
        if (t.emulatorPin() != null) {
            o.child(new Out("emulatorpin").attr("cpuset", t.emulatorPin()));
        }
        for (CpuTune.IoThreadPin p : t.iothreadPins()) {
            o.child(new Out("iothreadpin").attr("iothread", p.iothread()).attr("cpuset", p.cpuset()));
        }
        o.child(sched("emulatorsched", null, t.emulatorSched()));
        t.vcpuScheds().forEach(s -> o.child(sched("vcpusched", "vcpus", s)));
        t.iothreadScheds().forEach(s -> o.child(sched("iothreadsched", "iothreads", s)));
        o.preserved(t.other());
        XmlElement e = o.build();
        return e.children().isEmpty() && e.attributes().isEmpty() ? null : o;
    }

    private static Out sched(String element, String idAttr, CpuTune.Sched s) {
        if (s == null) {
            return null;
        }
        Out o = new Out(element);
        if (idAttr != null) {
            o.attr(idAttr, s.id());
        }
        return o.attr("scheduler", s.scheduler()).attr("priority", s.priority());
    }

    private static Out os(Os os) {
        Out o = new Out("os").attr("firmware", os.firmware());
        o.child(new Out("type").attr("arch", os.arch()).attr("machine", os.machine()).text(os.type()));
        OsBootCodec.format(os, o);
        OsInitCodec.format(os, o);
        o.textChild("kernel", os.kernel()).textChild("initrd", os.initrd()).textChild("cmdline", os.cmdline());
        for (String dev : os.bootDevices()) {
            o.child(new Out("boot").attr("dev", dev));
        }
        if (os.bootMenu() != null) {
            o.child(new Out("bootmenu").attr("enable", os.bootMenu().enable()).attr("timeout", os.bootMenu().timeout()));
        }
        return o.preserved(os.other());
    }

    private static Out cpu(Cpu c) {
        if (c == null) {
            return null;
        }
        Out o = new Out("cpu").attr("mode", c.mode()).attr("match", c.match()).attr("check", c.check())
                .attr("migratable", c.migratable()).attr("deprecated_features", c.deprecatedFeatures());
        if (c.model() != null) {
            o.child(new Out("model").attr("fallback", c.modelFallback()).text(c.model()));
        }
        o.textChild("vendor", c.vendor());
        Cpu.Topology t = c.topology();
        if (t != null) {
            o.child(new Out("topology").attr("sockets", t.sockets()).attr("dies", t.dies())
                    .attr("clusters", t.clusters()).attr("cores", t.cores()).attr("threads", t.threads()));
        }
        if (c.cache() != null) {
            o.child(new Out("cache").attr("level", c.cache().level()).attr("mode", c.cache().mode()));
        }
        Cpu.MaxPhysAddr m = c.maxPhysAddr();
        if (m != null) {
            o.child(new Out("maxphysaddr").attr("mode", m.mode()).attr("bits", m.bits()).attr("limit", m.limit()));
        }
        for (Cpu.Feature f : c.features()) {
            o.child(new Out("feature").attr("policy", f.policy()).attr("name", f.name()));
        }
        if (!c.numaCells().isEmpty() || !c.numaOther().children().isEmpty()) {
            Out numa = new Out("numa");
            c.numaCells().forEach(cell -> numa.child(NumaCellCodec.format(cell)));
            o.child(numa.preserved(c.numaOther()));
        }
        return o.preserved(c.other());
    }

    private static Out clock(Clock c) {
        Out o = new Out("clock").attr("offset", c.offset());
        if ("variable".equals(c.offset())) {
            o.attr("adjustment", c.adjustment()).attr("basis", c.basis());
        } else if ("timezone".equals(c.offset())) {
            o.attr("timezone", c.timezone());
        } else if ("absolute".equals(c.offset())) {
            o.attr("start", c.start());
        } else if (c.adjustmentReset()) {
            o.attr("adjustment", "reset");
        }
        c.timers().forEach(t -> o.child(timer(t)));
        return o.preserved(c.other());
    }

    /** virDomainTimerDefFormat: track for platform/rtc only, frequency and mode for tsc only. */
    private static Out timer(Timer t) {
        Out o = new Out("timer").attr("name", t.name()).attr("present", t.present()).attr("tickpolicy", t.tickpolicy());
        if (t.name().equals("platform") || t.name().equals("rtc")) {
            o.attr("track", t.track());
        }
        if (t.name().equals("tsc")) {
            o.attr("frequency", t.frequency()).attr("mode", t.mode());
        }
        if (t.catchupThreshold() != null || t.catchupSlew() != null || t.catchupLimit() != null) {
            o.child(new Out("catchup").attr("threshold", t.catchupThreshold()).attr("slew", t.catchupSlew())
                    .attr("limit", t.catchupLimit()));
        }
        return o.preserved(t.other());
    }
}
