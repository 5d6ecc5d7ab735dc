package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Resource;

/**
 * Where the container's processes go in the cgroup tree: libvirt's layout without systemd-machined
 * ({@code virCgroupNewMachineManual}), the resource partition ({@code <resource><partition>},
 * {@code /machine} by default) and in it a group {@code NAME.libvirt-lxc}; a partition's components
 * other than a top-level {@code machine}, {@code system} or {@code user} get {@code .partition}
 * appended, and a component that could clash with a cgroup file gets a {@code _} in front
 * ({@code virCgroupSetPartitionSuffix}, {@code virCgroupPartitionEscape}). Written as liblxc's
 * {@code lxc.cgroup.dir.container}, so the init's cgroup is {@code /machine/NAME.libvirt-lxc} as under
 * libvirt; liblxc's monitor keeps its own group ({@code lxc.monitor.NAME}), where libvirt's
 * controller would share the container's.
 */
final class CgroupPlacement {
    static final String DEFAULT_PARTITION = "/machine";

    private CgroupPlacement() {
    }

    /** libvirt's start: the live definition names the partition, {@code /machine} unless given. */
    static DomainDef withPartition(DomainDef def) {
        if (def.resource() != null && def.resource().partition() != null) {
            return def;
        }
        Resource base = def.resource();
        Resource r = (base == null ? Resource.builder() : base.toBuilder()).partition(DEFAULT_PARTITION).build();
        return def.toBuilder().resource(r).build();
    }

    static void write(DomainDef def, ConfigText c) throws VirtException {
        c.set("lxc.cgroup.dir.container", path(def).substring(1));
        c.set("lxc.cgroup.dir.monitor", "lxc.monitor." + def.name());
    }

    /** The container's cgroup path, e.g. {@code /machine/web.libvirt-lxc}. */
    static String path(DomainDef def) throws VirtException {
        String partition = partition(def);
        if (!partition.startsWith("/")) {
            throw LxcErrors.unsupported("Resource partition '" + partition + "' must start with '/'");
        }
        List<String> controllers = controllers();
        StringBuilder b = new StringBuilder();
        String[] parts = partition.split("/");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                continue;
            }
            boolean fixed = i == 1 && List.of("machine", "system", "user").contains(p);
            if (!fixed && p.indexOf('.') < 0) {
                p = p + ".partition";
            }
            b.append('/').append(escape(p, controllers));
        }
        return b.append('/').append(escape(def.name() + ".libvirt-lxc", controllers)).toString();
    }

    static String partition(DomainDef def) {
        return def.resource() != null && def.resource().partition() != null ? def.resource().partition()
                : DEFAULT_PARTITION;
    }

    /** {@code virCgroupPartitionNeedsEscaping}: names a cgroup file system could mistake for its own. */
    static String escape(String name, List<String> controllers) {
        boolean clash = name.startsWith("_") || name.startsWith(".") || name.equals("tasks")
                || name.equals("release_agent") || name.equals("notify_on_release") || name.startsWith("cgroup.")
                || controllers.stream().anyMatch(ctl -> name.startsWith(ctl + "."));
        return clash ? "_" + name : name;
    }

    /** The kernel's controllers ({@code /proc/cgroups}). */
    private static List<String> controllers() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cgroups"))) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            // no cgroups: nothing to clash with
        }
        return out;
    }
}
