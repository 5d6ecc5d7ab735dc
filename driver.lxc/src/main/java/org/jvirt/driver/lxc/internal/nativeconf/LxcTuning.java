package org.jvirt.driver.lxc.internal.nativeconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;

/** lxcSetMemTune, lxcSetCpuTune, lxcSetCpusetTune, lxcSetBlkioTune and the id map walk. */
final class LxcTuning {
    private LxcTuning() {
    }

    /** The memory total in KiB: lxc.cgroup.memory.limit_in_bytes, else libvirt's 64 MiB. */
    static long memoryKiB(LxcConfText conf) throws VirtException {
        String v = conf.first("lxc.cgroup.memory.limit_in_bytes");
        return v == null ? 64 * 1024 : NativeErrors.convertSize(v) / 1024;
    }

    static void memtune(LxcConfText conf, XmlText x) throws VirtException {
        String hard = conf.first("lxc.cgroup.memory.limit_in_bytes");
        String soft = conf.first("lxc.cgroup.memory.soft_limit_in_bytes");
        String swap = conf.first("lxc.cgroup.memory.memsw.limit_in_bytes");
        if (hard == null && soft == null && swap == null) {
            return;
        }
        x.open("memtune");
        x.text("hard_limit", hard == null ? null : NativeErrors.convertSize(hard) / 1024, "unit", "KiB");
        x.text("soft_limit", soft == null ? null : NativeErrors.convertSize(soft) / 1024, "unit", "KiB");
        x.text("swap_hard_limit", swap == null ? null : NativeErrors.convertSize(swap) / 1024, "unit", "KiB");
        x.close("memtune");
    }

    static void cputune(LxcConfText conf, XmlText x) throws VirtException {
        String shares = integer(conf.first("lxc.cgroup.cpu.shares"), false);
        String quota = integer(conf.first("lxc.cgroup.cpu.cfs_quota_us"), true);
        String period = integer(conf.first("lxc.cgroup.cpu.cfs_period_us"), false);
        if (shares == null && quota == null && period == null) {
            return;
        }
        x.open("cputune").text("shares", shares).text("period", period).text("quota", quota).close("cputune");
    }

    static void numatune(LxcConfText conf, XmlText x) {
        String mems = conf.first("lxc.cgroup.cpuset.mems");
        if (mems != null) {
            x.open("numatune").empty("memory", "mode", "strict", "nodeset", mems).close("numatune");
        }
    }

    static void blkiotune(LxcConfText conf, XmlText x) throws VirtException {
        String weight = conf.first("lxc.cgroup.blkio.weight");
        if (weight != null && !weight.matches("[0-9]+")) {
            throw NativeErrors.internal("failed to parse integer: '" + weight + "'");
        }
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        for (LxcConfText.Entry e : conf.entries()) {
            if (!e.key().startsWith("lxc.cgroup.blkio.") || e.key().equals("lxc.cgroup.blkio.weight")) {
                continue;
            }
            List<String> parts = LxcConfText.split(e.value());
            if (parts.size() < 2) {
                throw NativeErrors.internal("invalid " + e.key() + " value: '" + e.value() + "'");
            }
            Map<String, String> dev = devices.computeIfAbsent("/dev/block/" + parts.get(0), k -> new LinkedHashMap<>());
            String what = switch (e.key()) {
                case "lxc.cgroup.blkio.device_weight" -> "weight:device weight";
                case "lxc.cgroup.blkio.throttle.read_bps_device" -> "read_bytes_sec:read_bps_device";
                case "lxc.cgroup.blkio.throttle.write_bps_device" -> "write_bytes_sec:write_bps_device";
                case "lxc.cgroup.blkio.throttle.read_iops_device" -> "read_iops_sec:read_iops_device";
                case "lxc.cgroup.blkio.throttle.write_iops_device" -> "write_iops_sec:write_iops_device";
                default -> null; // libvirt warns about an unhandled key and goes on
            };
            if (what != null) {
                String[] w = what.split(":");
                if (!parts.get(1).matches("[0-9]+")) {
                    throw NativeErrors.internal("failed to parse " + w[1] + ": '" + parts.get(1) + "'");
                }
                dev.put(w[0], parts.get(1));
            }
        }
        if (weight == null && devices.isEmpty()) {
            return;
        }
        x.open("blkiotune").text("weight", weight);
        for (Map.Entry<String, Map<String, String>> d : devices.entrySet()) {
            x.open("device").text("path", d.getKey());
            for (String el : List.of("weight", "read_iops_sec", "write_iops_sec", "read_bytes_sec",
                    "write_bytes_sec")) {
                x.text(el, d.getValue().get(el));
            }
            x.close("device");
        }
        x.close("blkiotune");
    }

    /** {@code lxc.idmap} (LXC 3) or {@code lxc.id_map}: "u|g target start count". */
    static void idmap(LxcConfText conf, XmlText x) throws VirtException {
        List<String[]> uids = new ArrayList<>();
        List<String[]> gids = new ArrayList<>();
        for (LxcConfText.Entry e : conf.entries()) {
            if (!e.key().equals("lxc.idmap") && !e.key().equals("lxc.id_map")) {
                continue;
            }
            List<String> p = LxcConfText.split(e.value());
            if (p.size() < 4 || p.get(0).length() != 1 || !p.get(1).matches("[0-9]+")
                    || !p.get(2).matches("[0-9]+") || !p.get(3).matches("[0-9]+")) {
                throw NativeErrors.internal("invalid " + e.key() + ": '" + e.value() + "'");
            }
            String[] m = {p.get(2), p.get(1), p.get(3)};
            switch (p.get(0)) {
                case "u" -> uids.add(m);
                case "g" -> gids.add(m);
                default -> throw NativeErrors.unknownCause();
            }
        }
        if (uids.isEmpty() && gids.isEmpty()) {
            return;
        }
        x.open("idmap");
        for (String[] m : uids) {
            x.empty("uid", "start", m[0], "target", m[1], "count", m[2]);
        }
        for (String[] m : gids) {
            x.empty("gid", "start", m[0], "target", m[1], "count", m[2]);
        }
        x.close("idmap");
    }

    private static String integer(String v, boolean signed) throws VirtException {
        if (v != null && !v.matches(signed ? "-?[0-9]+" : "[0-9]+")) {
            throw NativeErrors.internal("failed to parse integer: '" + v + "'");
        }
        return v;
    }
}
