package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cgroups of one QEMU host's guests: created when a guest's process is spawned (before it
 * runs), its tuning applied ({@link CgroupSetup}), vCPU threads moved into {@code vcpuN/} as they
 * become known, found again after a daemon restart, removed when the guest stops. Guests are
 * keyed by UUID. Without a usable controller (not root, no cgroup file system) guests run
 * without a group, as libvirt's unprivileged drivers do, and tuning that needs one is refused.
 */
public final class GuestCgroups {
    private static final Logger LOG = LoggerFactory.getLogger(GuestCgroups.class);

    private final CgroupMounts mounts;
    private final String driver;
    private final String user;
    private final boolean usable;
    private final List<String> kernelControllers;
    private final Map<String, Guest> guests = new ConcurrentHashMap<>();

    /** A registered guest: its group and the vCPU threads already placed. */
    private record Guest(GuestCgroup group, Set<Long> placed) {
    }

    /**
     * @param user null for the privileged (system) driver; otherwise the user name that keeps
     *             the session driver's machine names apart, as libvirt's
     */
    public GuestCgroups(CgroupMounts mounts, String driver, String user) {
        this.mounts = mounts;
        this.driver = driver;
        this.user = user;
        this.kernelControllers = MachineName.kernelControllers();
        this.usable = Controller.stream().filter(mounts::has).anyMatch(c -> Files.isWritable(base(c)));
    }

    private Path base(Controller c) {
        return mounts.v1(c).orElse(mounts.v2Mount());
    }

    public String describe() {
        return usable ? mounts.describe() : "no writable cgroup controller (" + mounts.describe() + ")";
    }

    public CgroupMounts mounts() {
        return mounts;
    }

    /** The group a guest with this id and name has in the default partition, whether or not it exists. */
    public GuestCgroup groupOf(int id, String name) {
        return groupOf(id, name, Partition.DEFAULT);
    }

    /** The group a guest with this id and name has in {@code partition}, whether or not it exists. */
    public GuestCgroup groupOf(int id, String name, String partition) {
        CgroupMounts m = usable ? mounts : CgroupMounts.none();
        return new GuestCgroup(m, Partition.folders(partition, kernelControllers),
                MachineName.group(MachineName.of(driver, user, id, name), driver, kernelControllers));
    }

    /**
     * The live definition with its partition named ({@code /machine} by default) and checked, as
     * libvirt's privileged driver does; unchanged where guests get no group.
     */
    public DomainDef withPartition(DomainDef def) throws VirtException {
        return usable ? Partition.withPartition(def) : def;
    }

    /** The running guest's group, when it has one. */
    public Optional<GuestCgroup> of(String uuid) {
        Guest g = guests.get(uuid);
        return g == null ? Optional.empty() : Optional.of(g.group());
    }

    /**
     * Creates the guest's group, moves the held process {@code pid} into it and applies the
     * definition's tuning; a failure is the start's failure (the caller removes the group).
     */
    public void setup(String uuid, int id, DomainDef def, long pid) throws VirtException {
        GuestCgroup group = groupOf(id, def.name(), Partition.of(def));
        CgroupSetup.checkAvailable(group, def);
        if (!usable) {
            BitSet emulatorCpus = CgroupSetup.emulatorCpus(def);
            if (emulatorCpus != null) {
                CgroupSetup.pinProcess(pid, emulatorCpus);
            }
            return;
        }
        // registered first, so that a start failing from here on removes what was created
        guests.put(uuid, new Guest(group, ConcurrentHashMap.newKeySet()));
        try {
            group.create(pid);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to create cgroup "
                    + group.path() + " for pid " + pid + ": " + e.getMessage(), e);
        }
        new CgroupSetup(group).apply(def);
        BitSet emulatorCpus = CgroupSetup.emulatorCpus(def);
        if (emulatorCpus != null) {
            CgroupSetup.pinProcess(pid, emulatorCpus);
        }
        LOG.info("domain '{}': pid {} in cgroup {}", def.name(), pid, group.path());
    }

    /** After a daemon restart: takes the running guest's group back when it exists. */
    public void reattach(String uuid, int id, DomainDef live) {
        GuestCgroup group = groupOf(id, live.name(), Partition.of(live));
        if (usable && group.exists()) {
            guests.put(uuid, new Guest(group, ConcurrentHashMap.newKeySet()));
        }
    }

    /**
     * Moves vCPU threads not placed yet into their {@code vcpuN/} groups with the definition's
     * vCPU bandwidth and pinning (libvirt's qemuProcessSetupVcpu). Called whenever thread ids
     * are refreshed, so hot-plugged vCPUs get theirs too. Failures are logged: the guest runs on.
     */
    public void placeVcpus(String uuid, DomainDef def, Map<Integer, Long> threads) {
        Guest g = guests.get(uuid);
        if (g == null) {
            return;
        }
        CgroupSetup setup = new CgroupSetup(g.group());
        for (Map.Entry<Integer, Long> e : threads.entrySet()) {
            if (g.placed().contains(e.getValue())) {
                continue;
            }
            try {
                setup.placeVcpu(def, e.getKey(), e.getValue());
                g.placed().add(e.getValue());
            } catch (VirtException | IOException ex) {
                LOG.warn("domain '{}': vCPU {} (thread {}) not placed in its cgroup: {}", def.name(), e.getKey(),
                        e.getValue(), ex.getMessage());
            }
        }
    }

    /** vcpupin: limits the vCPU's group to {@code cpus} and moves its thread there. Best effort. */
    public void pin(String uuid, int vcpu, long tid, BitSet cpus) {
        Guest g = guests.get(uuid);
        if (g == null || !g.group().has(Controller.CPUSET)) {
            return;
        }
        String child = GuestCgroup.vcpu(vcpu);
        try {
            g.group().createThreadGroup(child);
            new CgroupTunables(g.group()).setCpus(child, cpus);
            g.group().addThread(child, tid);
            g.placed().add(tid);
        } catch (IOException | VirtException e) {
            LOG.warn("vCPU {} of {}: cpuset of cgroup {} not used: {}", vcpu, uuid, g.group().path(), e.getMessage());
        }
    }

    /** Removes the group of an unplugged vCPU (libvirt's qemuDomainRemoveVcpu). Best effort. */
    public void removeVcpu(String uuid, int vcpu, long tid) {
        Guest g = guests.get(uuid);
        if (g == null) {
            return;
        }
        g.placed().remove(tid);
        if (!g.group().removeThreadGroup(GuestCgroup.vcpu(vcpu))) {
            LOG.warn("vCPU {} of {}: cgroup {}/{} not removed", vcpu, uuid, g.group().path(), GuestCgroup.vcpu(vcpu));
        }
    }

    /**
     * Lets the running guest open device node {@code path} (a hot-plugged disk), in its v1 devices
     * list or its v2 BPF device map, as libvirt's qemuSetupImageCgroup does; a path that is no
     * device node needs nothing.
     */
    public void allowDevicePath(String uuid, String path, boolean readOnly) throws VirtException {
        Guest g = guests.get(uuid);
        if (g != null) {
            new DeviceAcl(g.group()).allowPath(path, readOnly);
        }
    }

    /** Takes device node {@code path} away from the running guest (an unplugged disk). */
    public void denyDevicePath(String uuid, String path) throws VirtException {
        Guest g = guests.get(uuid);
        if (g != null) {
            new DeviceAcl(g.group()).denyPath(path);
        }
    }

    /**
     * The driver stops, its guests run on: closes its handles on the guests' kernel objects (the
     * BPF device programs stay attached to the groups and are found again by the next driver).
     */
    public void release() {
        guests.values().forEach(g -> g.group().release());
    }

    /** Removes the guest's group once its process is gone. */
    public void remove(String uuid) {
        Guest g = guests.remove(uuid);
        if (g != null) {
            g.group().remove();
        }
    }

    /** Removes the group of a guest that was never registered (a status record discarded). */
    public void remove(int id, String name) {
        if (usable) {
            groupOf(id, name).remove();
        }
    }
}
