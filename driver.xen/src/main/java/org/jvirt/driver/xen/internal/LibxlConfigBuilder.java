package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongBinaryOperator;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.Timer;
import org.jvirt.api.xml.Vcpu;

/**
 * libvirt's libxlBuildDomainConfig: a domain definition as libxl's {@code libxl_domain_config}, in
 * libxl's JSON form (a tree of maps and lists, {@link LibxlJson}). Booleans are libxl's defbool
 * strings {@code "True"}/{@code "False"}.
 */
final class LibxlConfigBuilder {
    /** libxl_get_required_shadow_memory(max_memkb, max_vcpus): asked of libxl on a host. */
    private final LongBinaryOperator shadowMemkb;
    /** The first VNC port libvirt's driver hands out (its port allocator's start). */
    private final int vncPortMin;
    /** libxl_get_max_cpus: the size of a CPU map, all of whose CPUs an unpinned vCPU may use. */
    private final int maxCpus;

    LibxlConfigBuilder(LongBinaryOperator shadowMemkb, int vncPortMin, int maxCpus) {
        this.shadowMemkb = shadowMemkb;
        this.vncPortMin = vncPortMin;
        this.maxCpus = maxCpus;
    }

    Map<String, Object> build(DomainDef def) throws VirtException {
        boolean hvm = DefReader.hvm(def);
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> cInfo = new LinkedHashMap<>();
        String osType = def.os() == null ? "xen" : def.os().type();
        cInfo.put("type", hvm ? "hvm" : "xenpvh".equals(osType) ? "pvh" : "pv");
        if (hvm && DefReader.feature(def, "hap") != null) {
            cInfo.put("hap", DefReader.featureOn(def, "hap") ? "True" : "False");
        }
        cInfo.put("name", def.name());
        cInfo.put("uuid", def.uuid() == null ? null : def.uuid().toString());
        config.put("c_info", cInfo);
        config.put("b_info", buildInfo(def, hvm, osType));
        new LibxlDevices(vncPortMin).add(config, def, hvm);
        LibxlUsbChannels.add(config, def);
        action(config, "on_poweroff", def.onPoweroff());
        action(config, "on_reboot", def.onReboot());
        action(config, "on_crash", def.onCrash());
        return config;
    }

    private Map<String, Object> buildInfo(DomainDef def, boolean hvm, String osType) throws VirtException {
        Map<String, Object> b = new LinkedHashMap<>();
        Vcpu v = def.vcpu();
        int max = v == null ? 1 : v.count();
        int cur = v == null || v.current() <= 0 ? max : v.current();
        b.put("max_vcpus", max);
        List<Integer> avail = new ArrayList<>();
        for (int i = 0; i < cur; i++) {
            avail.add(i);
        }
        b.put("avail_vcpus", avail);
        List<List<Integer>> affinity = VcpuAffinity.libxl(def, maxCpus);
        if (!affinity.isEmpty()) {
            b.put("vcpu_hard_affinity", affinity);
            b.put("numa_placement", "False");
        }
        Clock clock = def.clock();
        for (Timer t : clock == null ? List.<Timer>of() : clock.timers()) {
            if (t.name().equals("tsc") && t.mode() != null) {
                b.put("tsc_mode", switch (t.mode()) {
                    case "native" -> "native";
                    case "emulate" -> "always_emulate";
                    case "paravirt" -> "native_paravirt";
                    default -> "default";
                });
            }
        }
        vnuma(def, b);
        long maxKib = def.memory() == null ? 0 : def.memory().kib();
        b.put("max_memkb", maxKib);
        b.put("target_memkb", def.currentMemory() == null ? maxKib : def.currentMemory().kib());
        if (hvm) {
            b.put("video_memkb", LibxlDevices.videoKib(def));
        }
        b.put("shadow_memkb", shadowMemkb.applyAsLong(maxKib, max));
        if (hvm && clock != null) {
            if ("variable".equals(clock.offset())) {
                b.put("rtc_timeoffset", clock.adjustment() == null ? 0 : clock.adjustment());
                if ("localtime".equals(clock.basis())) {
                    b.put("localtime", "True");
                }
            } else if ("localtime".equals(clock.offset())) {
                b.put("localtime", "True");
            }
        }
        for (Controller c : def.devices().controllers()) {
            if ("xenbus".equals(c.type())) {
                String events = DefReader.attribute(c.other(), "maxEventChannels");
                String frames = DefReader.attribute(c.other(), "maxGrantFrames");
                if (events != null) {
                    b.put("event_channels", Long.parseLong(events));
                }
                if (frames != null) {
                    b.put("max_grant_frames", Long.parseLong(frames));
                }
            }
        }
        if (hvm && def.devices().emulator() != null) {
            // an emulator of its own: QEMU upstream (libxlDomainGetEmulatorType), at that path
            b.put("device_model_version", "qemu_xen");
            b.put("device_model", def.devices().emulator());
        }
        Map<String, Object> sched = new LinkedHashMap<>();
        if (def.cputune() != null && def.cputune().shares() != null) {
            sched.put("weight", def.cputune().shares());
        }
        b.put("sched_params", sched);
        Cpu cpu = def.cpu();
        if (hvm && cpu != null && "host-passthrough".equals(cpu.mode())) {
            boolean off = cpu.features().stream().anyMatch(f -> ("disable".equals(f.policy())
                    || "forbid".equals(f.policy())) && ("vmx".equals(f.name()) || "svm".equals(f.name())));
            b.put("nested_hvm", off ? "False" : "True");
            List<Map<String, Object>> cpuid = LibxlCpuid.build(cpu);
            if (!cpuid.isEmpty()) {
                b.put("cpuid", cpuid);
            }
        }
        if (hvm) {
            b.put("apic", DefReader.featureOn(def, "apic") ? "True" : "False");
            b.put("acpi", DefReader.featureOn(def, "acpi") ? "True" : "False");
            b.put("type.hvm", new LibxlHvmInfo(vncPortMin).build(def));
        } else {
            os(def, b, osType);
        }
        // <xen:commandline> (libvirt's libxl namespace): extra arguments for the device model
        List<String> extra = DefReader.children(DefReader.child(def.other(), "xen:commandline"), "xen:arg")
                .map(a -> a.attribute("value")).toList();
        if (!extra.isEmpty()) {
            b.put("extra", extra);
        }
        return b;
    }

    private static void os(DomainDef def, Map<String, Object> b, String osType) {
        var os = def.os();
        if (os != null) {
            putIf(b, "kernel", os.kernel());
            putIf(b, "ramdisk", os.initrd());
            putIf(b, "cmdline", os.cmdline());
        }
        if (!"xenpvh".equals(osType)) {
            Map<String, Object> pv = new LinkedHashMap<>();
            var bootloader = DefReader.child(def.other(), "bootloader");
            var args = DefReader.child(def.other(), "bootloader_args");
            if (bootloader != null) {
                pv.put("bootloader", bootloader.text());
            } else if (os == null || os.kernel() == null) {
                // nothing to boot otherwise: libvirt asks for Xen's pygrub
                pv.put("bootloader", "pygrub");
            }
            if (args != null) {
                pv.put("bootloader_args", List.of(args.text().split(" ")));
            }
            b.put("type.pv", pv);
        }
    }

    private static void vnuma(DomainDef def, Map<String, Object> b) throws VirtException {
        List<NumaCell> cells = def.cpu() == null ? List.of() : def.cpu().numaCells();
        if (cells.isEmpty()) {
            return;
        }
        List<Object> nodes = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            NumaCell cell = cells.get(i);
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("memkb", cell.memoryKib());
            List<Integer> distances = new ArrayList<>();
            for (NumaCell other : cells) {
                distances.add(cell.distances().stream().filter(d -> d.id() == other.id())
                        .map(NumaCell.Distance::value).findFirst().orElse(cell.id() == other.id() ? 10 : 20));
            }
            node.put("distances", distances);
            node.put("pnode", i);
            List<Integer> vcpus = new ArrayList<>();
            Bitmap.parse(cell.cpus()).bits().stream().forEach(vcpus::add);
            node.put("vcpus", vcpus);
            nodes.add(node);
        }
        b.put("vnuma_nodes", nodes);
    }

    private static void action(Map<String, Object> config, String key, String action) {
        String a = action == null ? "destroy" : action;
        if (!a.equals("destroy")) {
            config.put(key, switch (a) {
                case "rename-restart" -> "restart_rename";
                case "coredump-destroy" -> "coredump_destroy";
                case "coredump-restart" -> "coredump_restart";
                default -> a;
            });
        }
    }

    static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
