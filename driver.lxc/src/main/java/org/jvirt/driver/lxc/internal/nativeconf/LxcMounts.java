package org.jvirt.driver.lxc.internal.nativeconf;

import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;

/** lxcSetRootfs and the {@code lxc.mount.entry} walk: the container's {@code <filesystem>}s. */
final class LxcMounts {
    /** lxcBasicMounts' targets: the driver mounts these itself, so fstab lines for them are dropped. */
    private static final Set<String> BASIC = Set.of("/proc", "/proc/sys", "/proc/sys/net/ipv4",
            "/proc/sys/net/ipv6", "/sys", "/sys/kernel/security", "/sys/fs/selinux", "/dev/.lxc/proc",
            "/dev/.lxc/sys");

    private LxcMounts() {
    }

    static void write(LxcConfText conf, XmlText x) throws VirtException {
        String root = conf.first("lxc.rootfs.path", "lxc.rootfs");
        if (root == null) {
            throw NativeErrors.unknownCause();
        }
        fs(x, root.startsWith("/dev/") ? "block" : "mount", root, "/", false, 0);
        if (conf.has("lxc.mount.fstab") || conf.has("lxc.mount")) {
            throw NativeErrors.argumentUnsupported(
                    "lxc.mount.fstab or lxc.mount found, use lxc.mount.entry lines instead");
        }
        for (LxcConfText.Entry e : conf.entries()) {
            if (e.key().equals("lxc.mount.entry")) {
                entry(e.value(), x);
            }
        }
    }

    /** lxcParseFstabLine + lxcAddFstabLine. */
    private static void entry(String line, XmlText x) throws VirtException {
        List<String> parts = LxcConfText.split(line);
        if (parts.size() < 4) {
            throw NativeErrors.unknownCause();
        }
        String src = parts.get(0);
        String dst = parts.get(1).startsWith("/") ? parts.get(1) : "/" + parts.get(1);
        if (BASIC.contains(dst)) {
            return;
        }
        List<String> options = List.of(parts.get(3).split(",", -1));
        String type = "mount";
        long usage = 0;
        String source = src;
        if (parts.get(2).equals("tmpfs")) {
            type = "ram";
            source = null;
            String size = options.stream().filter(o -> o.startsWith("size=")).findFirst().orElse(null);
            if (size == null) {
                throw NativeErrors.internal("missing tmpfs size, set the size option");
            }
            usage = NativeErrors.convertSize(size.substring("size=".length()));
        }
        if (src.startsWith("/dev/")) {
            type = "block";
        }
        fs(x, type, source, dst, options.contains("ro"), usage);
    }

    private static void fs(XmlText x, String type, String src, String dst, boolean readonly, long usage) {
        x.open("filesystem", "type", type, "accessmode", "passthrough");
        if (type.equals("ram")) {
            // libvirt keeps the usage in bytes and formats it in KiB
            x.empty("source", "usage", usage / 1024, "units", "KiB");
        } else if (type.equals("block")) {
            x.empty("source", "dev", src);
        } else if (src != null) {
            x.empty("source", "dir", src);
        }
        x.empty("target", "dir", dst);
        if (readonly) {
            x.empty("readonly");
        }
        x.close("filesystem");
    }
}
