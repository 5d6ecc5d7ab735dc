package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guest's cgroup, {@code <mount>/<partition>/<group>} in every controller the host has, with the
 * thread children {@code emulator/} and {@code vcpuN/} in the cpu, cpuacct and cpuset controllers
 * (cgroup v2: threaded children of the guest's group). Files are plain reads and writes: the
 * kernel's answer (EINVAL, ERANGE) comes back as an {@link IOException}.
 */
public final class GuestCgroup {
    private static final Logger LOG = LoggerFactory.getLogger(GuestCgroup.class);
    public static final String EMULATOR = "emulator";

    private final CgroupMounts mounts;
    private final String partition;
    private final String name;
    /** cgroup v2's device filter, when devices is v2's; its descriptors are this object's. */
    private BpfDeviceFilter deviceFilter;

    /** @param partition the partition's folders below a hierarchy's root ({@code machine}) */
    GuestCgroup(CgroupMounts mounts, String partition, String name) {
        this.mounts = mounts;
        this.partition = partition;
        this.name = name;
    }

    /** The same name in no hierarchy: for a guest that runs without a cgroup. */
    public GuestCgroup withoutControllers() {
        return new GuestCgroup(CgroupMounts.none(), partition, name);
    }

    /** The group's folder name ({@code qemu-1-web.libvirt-qemu}). */
    public String name() {
        return name;
    }

    /** The path inside every hierarchy, as {@code /proc/PID/cgroup} shows it. */
    public String path() {
        return "/" + partition + "/" + name;
    }

    public boolean has(Controller c) {
        return mounts.has(c);
    }

    public boolean isV2(Controller c) {
        return mounts.inV2(c);
    }

    /** The group's folder in controller {@code c}'s hierarchy. */
    public Path dir(Controller c) {
        Path base = mounts.v1(c).orElse(mounts.v2Mount());
        return base.resolve(partition).resolve(name);
    }

    /** The folder of child {@code child} (null: the group itself). */
    public Path dir(Controller c, String child) {
        return child == null ? dir(c) : dir(c).resolve(child);
    }

    /**
     * The group's BPF device filter (cgroup v2 devices); the same object for the group's life,
     * found again from the kernel after a daemon restart.
     */
    synchronized BpfDeviceFilter deviceFilter() {
        if (deviceFilter == null) {
            deviceFilter = new BpfDeviceFilter(dir(Controller.DEVICES));
        }
        return deviceFilter;
    }

    /** Closes the driver's handles on the group's kernel objects (the guest runs on, filtered). */
    public synchronized void release() {
        if (deviceFilter != null) {
            deviceFilter.close();
        }
    }

    public static String vcpu(int n) {
        return "vcpu" + n;
    }

    /** True when the group exists in some hierarchy (a guest started by an earlier daemon). */
    public boolean exists() {
        return folders(false).stream().anyMatch(Files::isDirectory);
    }

    /**
     * Creates the group and its {@code emulator/} child and moves process {@code pid} there; it
     * must not have started other threads yet, so that every thread it starts stays in the group.
     */
    public void create(long pid) throws IOException {
        if (mounts.v2Mount() != null && Controller.stream().anyMatch(mounts::inV2)) {
            Path p = mounts.v2Mount();
            for (String f : partition.split("/")) {
                p = p.resolve(f);
                makeV2(p, false);
            }
            makeV2(dir(firstV2()), false);   // the guest's group: a threaded domain once it has thread children
        }
        for (Path group : v1Folders(false)) {
            makeV1Ancestors(group.getParent());
            makeV1(group);
            writeIfPresent(group.resolve("memory.use_hierarchy"), "1");
        }
        createThreadGroup(EMULATOR);
        for (Path group : v1Folders(false)) {
            Path target = isThreadFolder(group) ? group.resolve(EMULATOR) : group;
            Files.writeString(target.resolve("cgroup.procs"), Long.toString(pid));
        }
        if (Controller.stream().anyMatch(mounts::inV2)) {
            Path group = dir(firstV2());
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
            if (Controller.stream().anyMatch(c -> c.perThread() && mounts.inV2(c))) {
                Files.writeString(group.resolve(EMULATOR).resolve("cgroup.threads"), Long.toString(pid));
            }
        }
        LOG.debug("cgroup {} created for pid {}", path(), pid);
    }

    /** Creates a thread child ({@code emulator}, {@code vcpuN}) in the per-thread controllers. */
    public void createThreadGroup(String child) throws IOException {
        for (Path group : v1Folders(true)) {
            makeV1(group.resolve(child));
        }
        if (Controller.stream().anyMatch(c -> c.perThread() && mounts.inV2(c))) {
            Path threaded = dir(firstV2()).resolve(child);
            Files.createDirectories(threaded);
            Files.writeString(threaded.resolve("cgroup.type"), "threaded");
            makeV2(threaded, true);
        }
    }

    /**
     * Removes thread child {@code child} ({@code vcpuN} of an unplugged vCPU, libvirt's
     * virCgroupDelThread); its thread may still be leaving, so removal is retried briefly.
     *
     * @return true when nothing of it is left
     */
    public boolean removeThreadGroup(String child) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            boolean all = true;
            for (Path group : folders(true)) {
                all &= removeTree(group.resolve(child));
            }
            if (all || System.nanoTime() > deadline) {
                return all;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Moves thread {@code tid} into child {@code child} of the per-thread controllers. */
    public void addThread(String child, long tid) throws IOException {
        for (Path group : v1Folders(true)) {
            Files.writeString(group.resolve(child).resolve("tasks"), Long.toString(tid));
        }
        if (Controller.stream().anyMatch(c -> c.perThread() && mounts.inV2(c))) {
            Files.writeString(dir(firstV2()).resolve(child).resolve("cgroup.threads"), Long.toString(tid));
        }
    }

    public void write(Controller c, String child, String file, String value) throws IOException {
        Files.writeString(dir(c, child).resolve(file), value);
    }

    public String read(Controller c, String child, String file) throws IOException {
        return Files.readString(dir(c, child).resolve(file)).strip();
    }

    public boolean hasFile(Controller c, String child, String file) {
        return has(c) && Files.exists(dir(c, child).resolve(file));
    }

    /**
     * Removes the group and its children, once the guest's threads are gone: an exited thread
     * leaves its group only when its process is reaped, so removal is retried briefly.
     *
     * @return true when nothing is left
     */
    public boolean remove() {
        if (mounts.inV2(Controller.DEVICES)) {
            synchronized (this) {
                deviceFilter().detach();
            }
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            boolean all = true;
            for (Path group : folders(false)) {
                all &= removeTree(group);
            }
            if (all || System.nanoTime() > deadline) {
                if (!all) {
                    LOG.warn("cgroup {} could not be removed entirely", path());
                }
                return all;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean removeTree(Path group) {
        if (!Files.isDirectory(group)) {
            return true;
        }
        try (Stream<Path> children = Files.list(group)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                Files.deleteIfExists(child);
            }
            Files.deleteIfExists(group);
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            LOG.debug("cannot remove cgroup {}: {}", group, e.toString());
            return false;
        }
    }

    /** Distinct folders of the group (co-mounted v1 controllers and v2 share one). */
    private List<Path> folders(boolean threadOnly) {
        Set<Path> out = new LinkedHashSet<>(v1Folders(threadOnly));
        Controller.stream().filter(mounts::inV2).filter(c -> !threadOnly || c.perThread()).findFirst()
                .ifPresent(c -> out.add(dir(c)));
        return new ArrayList<>(out);
    }

    private List<Path> v1Folders(boolean threadOnly) {
        Set<Path> out = new LinkedHashSet<>();
        for (Controller c : Controller.values()) {
            if (mounts.v1(c).isPresent() && (!threadOnly || c.perThread())) {
                out.add(dir(c));
            }
        }
        return new ArrayList<>(out);
    }

    /** A v1 folder shared with a per-thread controller holds threads in its children. */
    private boolean isThreadFolder(Path group) {
        return Controller.stream().anyMatch(c -> c.perThread() && mounts.v1(c).isPresent() && dir(c).equals(group));
    }

    private Controller firstV2() {
        return Controller.stream().filter(mounts::inV2).findFirst().orElseThrow();
    }

    private static void makeV1(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return;
        }
        Files.createDirectory(p);
        // a v1 cpuset takes no task until its cpus and mems are set: inherit the parent's
        for (String f : List.of("cpuset.cpus", "cpuset.mems")) {
            Path parentFile = p.getParent().resolve(f);
            Path own = p.resolve(f);
            if (Files.exists(parentFile) && (!Files.exists(own) || Files.readString(own).isBlank())) {
                Files.writeString(own, Files.readString(parentFile).strip());
            }
        }
    }

    /** The partition's folders, outermost first (libvirt creates a partition as needed and leaves it). */
    private static void makeV1Ancestors(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return;
        }
        makeV1Ancestors(p.getParent());
        makeV1(p);
    }

    /** A v2 folder whose parent passes the controllers we use down to it. */
    private void makeV2(Path p, boolean threaded) throws IOException {
        Files.createDirectories(p);
        StringBuilder enable = new StringBuilder();
        // cpuacct is part of v2's cpu, devices a BPF program: neither is a controller to enable
        Controller.stream().filter(mounts::inV2).filter(c -> c != Controller.CPUACCT && c != Controller.DEVICES)
                .filter(c -> !threaded || c.perThread()).forEach(c -> enable.append(" +").append(c.v2Name()));
        if (enable.length() > 0) {
            Files.writeString(p.getParent().resolve("cgroup.subtree_control"), enable.toString().strip());
        }
    }

    private static void writeIfPresent(Path file, String value) {
        try {
            if (Files.exists(file)) {
                Files.writeString(file, value);
            }
        } catch (IOException e) {
            LOG.debug("cannot write {}: {}", file, e.toString());
        }
    }

}
