package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's names for a guest's machine and cgroup on hosts without systemd's machined:
 * virDomainDriverGenerateMachineName ({@code qemu-1-web}, {@code qemu-<user>-1-web} for an
 * unprivileged driver) and virCgroupNewDomainPartition ({@code qemu-1-web.libvirt-qemu}, escaped
 * by virCgroupPartitionEscape), placed in the {@code /machine} partition.
 */
public final class MachineName {
    /** libvirt stops appending name characters once the machine name reaches this length. */
    private static final int MAX_LENGTH = 64;
    private static final String HOSTNAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";

    private MachineName() {
    }

    /** {@code <driver>-[<user>-]<id>-<name with only hostname characters>}. */
    public static String of(String driver, String user, int id, String name) {
        StringBuilder sb = new StringBuilder(driver).append('-');
        if (user != null) {
            sb.append(user).append('-');
        }
        sb.append(id).append('-');
        boolean skip = true;
        for (char ch : name.toCharArray()) {
            if (sb.length() >= MAX_LENGTH) {
                break;
            }
            if (ch == '.' || ch == '-') {
                if (!skip) {
                    sb.append(ch);
                }
                skip = true;
                continue;
            }
            skip = false;
            if (HOSTNAME_CHARS.indexOf(ch) >= 0) {
                sb.append(ch);
            }
        }
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == '-' || sb.charAt(end - 1) == '.')) {
            end--;
        }
        return sb.substring(0, end);
    }

    /** The cgroup folder name of the machine: {@code <machine>.libvirt-<driver>}, escaped. */
    public static String group(String machine, String driver, List<String> controllerNames) {
        return escape(machine + ".libvirt-" + driver, controllerNames);
    }

    /**
     * virCgroupPartitionEscape: a leading {@code _} keeps a name from looking like a cgroup file
     * ({@code cgroup.*}, {@code <controller>.*}) or a hidden or already escaped one.
     */
    static String escape(String name, List<String> controllerNames) {
        boolean needs = name.startsWith("cgroup.") || name.startsWith("_") || name.startsWith(".")
                || name.equals("tasks") || name.equals("release_agent") || name.equals("notify_on_release");
        for (String c : controllerNames) {
            needs |= name.startsWith(c + ".");
        }
        return needs ? "_" + name : name;
    }

    /** The subsystem names of {@code /proc/cgroups}, for {@link #escape}. */
    static List<String> kernelControllers() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cgroups"))) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            for (Controller c : Controller.values()) {
                out.add(c.kernelName());
            }
        }
        return out;
    }
}
