package org.jvirt.driver.qemu.internal.cgroup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.cgroup.Bpf.ErrnoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device access control of one cgroup v2 group, libvirt's vircgroupv2devices.c: a
 * {@link DeviceFilterProgram} attached to the group's folder ({@code BPF_CGROUP_DEVICE}) over a
 * hash map of the allowed devices ({@link DeviceRule}). Created with an empty map (everything
 * refused, virCgroupV2DenyAllDevices); each allow adds or replaces an entry, a deny takes access
 * bits away or the entry. The map starts with libvirt's 64 entries; when full, a map twice as large
 * gets a copy of the entries and a program of its own, attached before the old one is detached.
 *
 * <p>The program is attached with {@code BPF_F_ALLOW_MULTI}, so it runs next to other programs
 * on the group (systemd's, a container engine's) instead of replacing them; libvirt attaches with
 * no flag, which replaces a program attached without flags. The kernel keeps the program while
 * the group holds it: the descriptors here are only the driver's handles. A driver started while
 * the guest runs finds them again as libvirt's virCgroupV2DevicesDetectProg does
 * ({@code BPF_PROG_QUERY} on the folder, the program's map ids, the map's size and entry count),
 * taking the program whose map has our shape. Not thread-safe: the guest's group serializes.
 */
final class BpfDeviceFilter {
    private static final Logger LOG = LoggerFactory.getLogger(BpfDeviceFilter.class);
    /** libvirt's VIR_CGROUP_V2_INITIAL_BPF_MAP_SIZE. */
    static final int INITIAL_MAP_SIZE = 64;
    private static final int MAX_PROGS = 64;

    private final Path dir;
    private int progFd = -1;
    private int mapFd = -1;
    private int max;
    private int count;

    BpfDeviceFilter(Path dir) {
        this.dir = dir;
    }

    /**
     * libvirt's virCgroupV2DevicesAvailable: the kernel answers {@code BPF_PROG_QUERY} for
     * {@code BPF_CGROUP_DEVICE} on the unified hierarchy's root (root, BPF, cgroup v2).
     */
    static boolean available(Path v2Mount) {
        int fd = -1;
        try {
            fd = Bpf.openDirectory(v2Mount.toString());
            Bpf.query(fd, Bpf.ATTACH_CGROUP_DEVICE, 0);
            return true;
        } catch (ErrnoException | RuntimeException | LinkageError e) {
            // JNA's native part missing counts as "no BPF" too: the driver runs on unfiltered
            LOG.debug("BPF device programs not available at cgroup '{}': {}", v2Mount, e.getMessage());
            return false;
        } finally {
            Bpf.close(fd);
        }
    }

    /** virCgroupV2DenyAllDevices: the program over an empty map, unless the group has ours already. */
    void denyAll() throws VirtException {
        detect();
        if (progFd < 0) {
            attach(createMap(INITIAL_MAP_SIZE), INITIAL_MAP_SIZE);
        }
    }

    /** virCgroupV2AllowDevice: the entry with exactly {@code rule}'s access (replacing one there). */
    void allow(DeviceRule rule) throws VirtException {
        prepare();
        try {
            boolean present = Bpf.lookup(mapFd, rule.key()) != null;
            Bpf.update(mapFd, rule.key(), rule.value());
            if (!present) {
                count++;
            }
        } catch (ErrnoException e) {
            throw system("failed to update device in BPF cgroup map", e);
        }
    }

    /**
     * virCgroupV2DenyDevice: takes {@code rule}'s access bits from the entry of its key, and the
     * entry when no access is left. The type bits stay (libvirt's clears them too when an entry
     * keeps some access, which refuses the rest of the access as well).
     */
    void deny(DeviceRule rule) throws VirtException {
        prepare();
        try {
            Integer val = count <= 0 ? null : Bpf.lookup(mapFd, rule.key());
            if (val == null) {
                LOG.debug("nothing to do, device {} is not allowed in {}", rule, dir);
                return;
            }
            int left = val & ~(DeviceRule.accessBits(rule.perms()) << DeviceRule.ACCESS_SHIFT);
            if (left >>> DeviceRule.ACCESS_SHIFT == 0) {
                try {
                    Bpf.delete(mapFd, rule.key());
                    count--;
                } catch (ErrnoException e) {
                    throw system("failed to remove device from BPF cgroup map", e);
                }
            } else {
                Bpf.update(mapFd, rule.key(), left);
            }
        } catch (ErrnoException e) {
            throw system("failed to update device in BPF cgroup map", e);
        }
    }

    /** The map's entries as the rules they stand for, key order of the kernel's hash. */
    Map<Long, DeviceRule> entries() throws VirtException {
        detect();
        Map<Long, DeviceRule> out = new LinkedHashMap<>();
        if (mapFd < 0) {
            return out;
        }
        try {
            for (Long k = Bpf.nextKey(mapFd, null); k != null; k = Bpf.nextKey(mapFd, k)) {
                Integer v = Bpf.lookup(mapFd, k);
                if (v != null) {
                    out.put(k, DeviceRule.ofEntry(k, v));
                }
            }
        } catch (ErrnoException e) {
            throw system("failed to count cgroup BPF map items", e);
        }
        return out;
    }

    /** The map's capacity (0: no program). */
    int capacity() throws VirtException {
        detect();
        return max;
    }

    /**
     * Detaches the program from the group and closes the descriptors (the guest stopped); a
     * group that is gone or holds no program of ours is left as it is.
     */
    void detach() {
        try {
            detect();
        } catch (VirtException e) {
            LOG.debug("no BPF device program to detach from {}: {}", dir, e.getMessage());
            close();
            return;
        }
        if (progFd >= 0) {
            int cgroupFd = -1;
            try {
                cgroupFd = Bpf.openDirectory(dir.toString());
                Bpf.detach(progFd, cgroupFd, Bpf.ATTACH_CGROUP_DEVICE);
            } catch (ErrnoException e) {
                LOG.warn("failed to detach cgroup BPF prog from '{}': {}", dir, e.getMessage());
            } finally {
                Bpf.close(cgroupFd);
            }
        }
        close();
    }

    /** Closes the driver's descriptors; the program stays attached (the driver is stopping). */
    void close() {
        Bpf.close(progFd);
        Bpf.close(mapFd);
        progFd = -1;
        mapFd = -1;
        max = 0;
        count = 0;
    }

    /** virCgroupV2DevicesPrepareProg: finds or creates the program; a full map is doubled. */
    private void prepare() throws VirtException {
        denyAll();
        if (count >= max) {
            int size = max * 2;
            attach(copyInto(createMap(size)), size);
        }
    }

    /**
     * virCgroupV2DevicesDetectProg: takes back the program attached to the group by an earlier
     * driver, when the driver holds none. A program of another shape (not ours) is passed over.
     */
    private void detect() throws VirtException {
        if (progFd >= 0 && mapFd >= 0) {
            return;
        }
        int cgroupFd = openGroup();
        int[] ids;
        try {
            ids = Bpf.query(cgroupFd, Bpf.ATTACH_CGROUP_DEVICE, MAX_PROGS);
        } catch (ErrnoException e) {
            throw system("unable to query cgroup BPF progs", e);
        } finally {
            Bpf.close(cgroupFd);
        }
        for (int id : ids) {
            if (adopt(id)) {
                LOG.debug("cgroup BPF device prog {} of {} found again: map of {} entries, {} used", id, dir, max,
                        count);
                return;
            }
        }
    }

    /** Takes program {@code id} when its one map is a u64 → u32 hash; false otherwise. */
    private boolean adopt(int id) throws VirtException {
        int prog;
        try {
            prog = Bpf.progById(id);
        } catch (ErrnoException e) {
            throw system("failed to get cgroup BPF prog FD", e);
        }
        int map = -1;
        try {
            Bpf.ProgInfo info = Bpf.progInfo(prog);
            if (info.type() != Bpf.PROG_TYPE_CGROUP_DEVICE || info.mapIds().length != 1) {
                Bpf.close(prog);
                return false;
            }
            map = Bpf.mapById(info.mapIds()[0]);
            Bpf.MapInfo m = Bpf.mapInfo(map);
            if (m.type() != Bpf.MAP_TYPE_HASH || m.keySize() != 8 || m.valueSize() != 4) {
                Bpf.close(prog);
                Bpf.close(map);
                return false;
            }
            int n = 0;
            for (Long k = Bpf.nextKey(map, null); k != null; k = Bpf.nextKey(map, k)) {
                n++;
            }
            progFd = prog;
            mapFd = map;
            max = m.maxEntries();
            count = n;
            return true;
        } catch (ErrnoException e) {
            Bpf.close(prog);
            Bpf.close(map);
            throw system("failed to get cgroup BPF prog info", e);
        }
    }

    private int createMap(int size) throws VirtException {
        try {
            return Bpf.mapCreate(Bpf.MAP_TYPE_HASH, 8, 4, size);
        } catch (ErrnoException e) {
            throw system("failed to initialize device BPF map", e);
        }
    }

    /** virCgroupV2DevicesReallocMap: the current entries copied into {@code newMap}. */
    private int copyInto(int newMap) throws VirtException {
        try {
            for (Long k = Bpf.nextKey(mapFd, null); k != null; k = Bpf.nextKey(mapFd, k)) {
                Integer v = Bpf.lookup(mapFd, k);
                if (v == null) {
                    continue;   // removed meanwhile
                }
                try {
                    Bpf.update(newMap, k, v);
                } catch (ErrnoException e) {
                    Bpf.close(newMap);
                    throw system("failed to add device into new map", e);
                }
            }
        } catch (ErrnoException e) {
            Bpf.close(newMap);
            throw system("failed to copy all device rules", e);
        }
        return newMap;
    }

    /**
     * virCgroupV2DevicesAttachProg: loads a program over {@code map} and attaches it; a program
     * the group had from us is detached once the new one runs, and its descriptors closed.
     */
    private void attach(int map, int size) throws VirtException {
        int prog;
        String[] log = new String[1];
        try {
            prog = Bpf.progLoad(Bpf.PROG_TYPE_CGROUP_DEVICE, DeviceFilterProgram.instructions(map), log);
        } catch (ErrnoException e) {
            LOG.debug("BPF verifier: {}", log[0]);
            Bpf.close(map);
            throw system("failed to load cgroup BPF prog", e);
        }
        int cgroupFd;
        try {
            cgroupFd = openGroup();
        } catch (VirtException e) {
            Bpf.close(prog);
            Bpf.close(map);
            throw e;
        }
        try {
            try {
                Bpf.attach(prog, cgroupFd, Bpf.ATTACH_CGROUP_DEVICE, Bpf.F_ALLOW_MULTI);
            } catch (ErrnoException e) {
                Bpf.close(prog);
                Bpf.close(map);
                throw system("failed to attach cgroup BPF prog", e);
            }
            if (progFd >= 0) {
                try {
                    Bpf.detach(progFd, cgroupFd, Bpf.ATTACH_CGROUP_DEVICE);
                } catch (ErrnoException e) {
                    // both would run, the old map deciding: back to the old program alone
                    detachQuietly(prog, cgroupFd);
                    Bpf.close(prog);
                    Bpf.close(map);
                    throw system("failed to detach cgroup BPF prog", e);
                }
                LOG.debug("cgroup BPF device prog of {} replaced by one with a map of {} entries", dir, size);
            }
        } finally {
            Bpf.close(cgroupFd);
        }
        int entries = count;
        close();
        progFd = prog;
        mapFd = map;
        max = size;
        count = entries;
    }

    private static void detachQuietly(int prog, int cgroupFd) {
        try {
            Bpf.detach(prog, cgroupFd, Bpf.ATTACH_CGROUP_DEVICE);
        } catch (ErrnoException e) {
            LOG.warn("failed to detach cgroup BPF prog: {}", e.getMessage());
        }
    }

    private int openGroup() throws VirtException {
        try {
            return Bpf.openDirectory(dir.toString());
        } catch (ErrnoException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP,
                    "unable to open '" + dir + "': " + e.getMessage(), e);
        }
    }

    /** libvirt's virReportSystemError: the message, a colon, the errno's text. */
    private static VirtException system(String message, ErrnoException e) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, message + ": " + e.getMessage(), e);
    }

    /** The errno of a {@link #system} error, 0 for others (EPERM: not our group to filter). */
    static int errno(VirtException e) {
        return e.getCause() instanceof ErrnoException x ? x.errno() : 0;
    }
}
