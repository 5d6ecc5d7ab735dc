package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.XmlElement;

/**
 * The order in which libvirt's formatter (src/conf/domain_conf.c) writes the children of an
 * element. Formatting sorts modelled and preserved children together by it, so preserved content
 * lands where libvirt would put it. Children whose name is not listed keep their relative order
 * and go last.
 */
final class LibvirtOrder {
    private static final Map<String, Map<String, Integer>> ORDER = new HashMap<>();

    static {
        order("domain", "name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory",
                "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus", "iothreads",
                "iothreadids", "defaultiothread", "throttlegroups", "cputune", "numatune", "resource", "sysinfo",
                "bootloader", "bootloader_args", "os", "idmap", "features", "cpu", "clock", "on_poweroff",
                "on_reboot", "on_crash", "on_lockfailure", "pm", "perf", "devices", "seclabel", "keywrap",
                "launchSecurity");
        order("devices", "emulator", "disk", "controller", "lease", "filesystem", "interface", "smartcard",
                "serial", "parallel", "console", "channel", "input", "tpm", "graphics", "sound", "audio", "video",
                "hostdev", "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng", "nvram", "panic",
                "shmem", "memory", "iommu", "vsock", "crypto", "pstore");
        order("sysinfo", "entry", "bios", "system", "baseBoard", "chassis", "processor", "memory_device", "oemStrings");
        order("launchSecurity", "cbitpos", "reducedPhysBits", "policy", "dhCert", "session",
                "guestVisibleWorkarounds", "idBlock", "idAuth", "hostData");
        order("os", "type", "firmware", "init", "initarg", "initenv", "initdir", "inituser", "initgroup",
                "loader", "nvram", "kernel", "initrd", "cmdline", "shim", "dtb", "root", "acpi", "boot",
                "bootmenu", "smbios", "bios");
        order("cputune", "shares", "period", "quota", "global_period", "global_quota", "emulator_period",
                "emulator_quota", "iothread_period", "iothread_quota", "vcpupin", "emulatorpin", "iothreadpin",
                "emulatorsched", "vcpusched", "iothreadsched", "cachetune", "memorytune");
        order("memoryBacking", "hugepages", "nosharepages", "locked", "source", "access", "allocation", "discard");
        order("cachetune", "cache", "monitor");
        order("memorytune", "node", "monitor");
        order("cpu", "model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa");
        order("features", "acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv", "kvm", "xen", "pvspinlock", "capabilities",
                "pmu", "vmport", "gic", "smm", "ioapic", "hpt", "vmcoreinfo", "htm", "nested-hv", "msrs", "ccf-assist",
                "cfpc", "sbbc", "ibs", "tcg", "async-teardown", "ras", "ps2", "aia");
        order("disk", "driver", "auth", "source", "backingStore", "backenddomain", "mirror", "geometry",
                "blockio", "target", "iotune", "throttlefilters", "readonly", "shareable", "transient",
                "serial", "wwn", "vendor", "product", "encryption", "boot", "alias", "acpi", "address");
        order("interface", "mac", "source", "bandwidth", "vlan", "virtualport", "ip", "route", "portForward",
                "port", "script", "downscript", "backenddomain", "target", "guest", "model", "driver",
                "backend", "filterref", "tune", "teaming", "link", "mtu", "coalesce", "boot", "rom", "alias",
                "acpi", "address");
        order("filesystem", "driver", "binary", "idmap", "source", "target", "readonly", "boot", "alias",
                "address");
        order("video", "driver", "model", "acpi", "alias", "address");
        order("rng", "rate", "backend", "driver", "alias", "address");
        order("hostdev", "driver", "source", "ip", "route", "readonly", "shareable", "teaming", "boot", "rom", "alias",
                "acpi", "address");
        order("memballoon", "stats", "alias", "acpi", "address", "driver");
        order("input", "driver", "source", "alias", "acpi", "address");
        order("watchdog", "alias", "acpi", "address");
        order("sound", "codec", "audio", "alias", "acpi", "address");
        order("audio", "input", "output");
        order("vsock", "cid", "alias", "acpi", "address", "driver");
        order("iommu", "driver", "alias", "acpi", "address");
        order("crypto", "backend", "alias", "acpi", "address");
        order("pstore", "path", "size", "alias", "acpi", "address");
        order("controller", "model", "driver", "master", "pcihole64", "target", "alias", "acpi", "address");
        for (String chr : new String[] {"serial", "parallel", "console", "channel"}) {
            order(chr, "source", "protocol", "log", "target", "alias", "address");
        }
        order("graphics", "listen", "channel", "image", "jpeg", "zlib", "playback", "streaming", "mouse",
                "clipboard", "filetransfer", "gl", "audio");
    }

    private LibvirtOrder() {
    }

    private static void order(String parent, String... children) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < children.length; i++) {
            m.put(children[i], i);
        }
        ORDER.put(parent, m);
    }

    static List<XmlElement> sort(String parent, List<XmlElement> children) {
        Map<String, Integer> m = ORDER.get(parent);
        if (m == null || children.size() < 2) {
            return children;
        }
        List<XmlElement> sorted = new ArrayList<>(children);
        sorted.sort(Comparator.comparingInt(c -> m.getOrDefault(c.name(), Integer.MAX_VALUE)));
        return sorted;
    }
}
