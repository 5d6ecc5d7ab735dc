package org.jvirt.driver.qemu.internal.cgroup;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Resource;

/**
 * A guest's resource partition ({@code <resource><partition>}, {@code /machine} unless given) and
 * its folders in the cgroup tree, as libvirt's virCgroupNewPartition names them: every component
 * but a top-level {@code machine}, {@code system} or {@code user} without a dot gets
 * {@code .partition} appended, and each is escaped (virCgroupSetPartitionSuffix,
 * virCgroupPartitionEscape). driver.lxc does the same in its private CgroupPlacement; there is no
 * shared package both bundles may use, hence this driver's own copy of the rule.
 */
public final class Partition {
    public static final String DEFAULT = "/machine";
    private static final List<String> FIXED = List.of("machine", "system", "user");

    private Partition() {
    }

    /** The definition's partition, {@code /machine} when it names none. */
    public static String of(DomainDef def) {
        Resource r = def.resource();
        return r != null && r.partition() != null ? r.partition() : DEFAULT;
    }

    /** libvirt's virDomainCgroupInitCgroup: the live definition names its partition. */
    public static DomainDef withPartition(DomainDef def) throws VirtException {
        String partition = of(def);
        check(partition);
        if (def.resource() != null && def.resource().partition() != null) {
            return def;
        }
        Resource base = def.resource();
        Resource r = (base == null ? Resource.builder() : base.toBuilder()).partition(DEFAULT).build();
        return def.toBuilder().resource(r).build();
    }

    static void check(String partition) throws VirtException {
        if (!partition.startsWith("/")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Resource partition '" + partition + "' must start with '/'");
        }
    }

    /** The partition's folder path relative to a hierarchy's root ({@code jvirttest.partition/sub.partition}). */
    static String folders(String partition, List<String> controllerNames) {
        List<String> out = new ArrayList<>();
        String[] parts = partition.split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                continue;
            }
            boolean fixed = i == 1 && FIXED.contains(p);
            if (!fixed && p.indexOf('.') < 0) {
                p = p + ".partition";
            }
            out.add(fixed ? p : MachineName.escape(p, controllerNames));
        }
        return String.join("/", out);
    }
}
