package org.jvirt.driver.lxc.internal;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.IdMap;

/**
 * {@code <idmap>}: the container gets a user namespace whose uid and gid maps are the definition's
 * entries ({@code lxc.idmap = u|g START TARGET COUNT}), as libvirt's controller writes them to
 * {@code /proc/<init>/uid_map} and {@code gid_map}. Like libvirt, nothing of the root filesystem is
 * chowned: the folder and its parents must be usable by the mapped root (liblxc then says which
 * folder it could not reach); liblxc gives the mapped root the container's {@code /dev}, devpts
 * and cgroups, as libvirt's {@code lxcContainerChown} and {@code virCgroupSetOwner} do.
 *
 * <p>Also chooses how {@code /sys} is mounted: a new sysfs, read-only; but the kernel refuses a
 * new sysfs to a user namespace that shares the host's network namespace, so there, as libvirt's
 * {@code lxcContainerMountBasicFS} does, the host's {@code /sys} is bind-mounted read-only instead.
 */
final class UserNamespace {
    /** The kernel takes at most 340 lines in {@code /proc/<pid>/uid_map} (libvirt's limit too). */
    static final int MAX_LINES = 340;

    private UserNamespace() {
    }

    static void write(DomainDef def, boolean ownNetwork, ConfigText c) throws VirtException {
        IdMap map = def.idmap();
        boolean userns = enabled(def);
        if (userns) {
            entries("u", "uid", map.uids(), c);
            entries("g", "gid", map.gids(), c);
        }
        if (userns && !ownNetwork) {
            c.set("lxc.mount.auto", "proc:mixed");
            c.set("lxc.mount.entry", "/sys sys none rbind,ro,nosuid,nodev,noexec,create=dir 0 0");
        } else {
            c.set("lxc.mount.auto", "proc:mixed sys:ro");
        }
    }

    /** libvirt enables the user namespace when both maps have entries (the parser requires both or none). */
    static boolean enabled(DomainDef def) {
        return def.idmap() != null && !def.idmap().uids().isEmpty() && !def.idmap().gids().isEmpty();
    }

    /** The mapped root on the host: the target of the entry that starts at 0 (libvirt's {@code uidmap[0].target}). */
    static long hostRootUid(DomainDef def) {
        return enabled(def) ? def.idmap().uids().get(0).target() : 0;
    }

    private static void entries(String kind, String what, List<IdMap.Entry> list, ConfigText c) throws VirtException {
        if (list.size() > MAX_LINES) {
            throw LxcErrors.invalidArg("Too many id mappings defined.");
        }
        for (int i = 0; i < list.size(); i++) {
            IdMap.Entry a = list.get(i);
            if (a.count() == 0) {
                throw invalidMap(what, "an entry with count 0 (start " + a.start() + ")");
            }
            for (int j = 0; j < i; j++) {
                IdMap.Entry b = list.get(j);
                if (overlap(a.start(), b.start(), a.count(), b.count())) {
                    throw invalidMap(what, "ids " + range(b.start(), b.count()) + " and " + range(a.start(), a.count())
                            + " inside the container overlap");
                }
                if (overlap(a.target(), b.target(), a.count(), b.count())) {
                    throw invalidMap(what, "host ids " + range(b.target(), b.count()) + " and "
                            + range(a.target(), a.count()) + " overlap");
                }
            }
            c.set("lxc.idmap", kind + " " + a.start() + " " + a.target() + " " + a.count());
        }
    }

    private static boolean overlap(long s1, long s2, long n1, long n2) {
        return s1 < s2 + n2 && s2 < s1 + n1;
    }

    private static String range(long start, long count) {
        return start + "-" + (start + count - 1);
    }

    /**
     * The kernel refuses such a map with EINVAL when it is written; libvirt then reports
     * "unable write to /proc/N/uid_map: Invalid argument". Checked before the start, saying why.
     */
    private static VirtException invalidMap(String what, String why) {
        return LxcErrors.system("unable write to the container's " + what + "_map: " + why + ": Invalid argument");
    }
}
