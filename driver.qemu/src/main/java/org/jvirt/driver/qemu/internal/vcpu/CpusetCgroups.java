package org.jvirt.driver.qemu.internal.vcpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-vCPU cpuset cgroups, {@code <cpuset root>/jvirt/<domain uuid>/vcpu<N>}, as libvirt keeps
 * them: pinning a vCPU moves its thread there and limits the group to the pinned CPUs. Works
 * with a cgroup v1 {@code cpuset} hierarchy, or with cgroup v2 when the root offers the
 * {@code cpuset} controller (threaded sub-groups). Without either, pinning relies on
 * {@code sched_setaffinity} alone. Best effort: cgroup failures are logged, never fatal.
 */
public final class CpusetCgroups {
    private static final Logger LOG = LoggerFactory.getLogger(CpusetCgroups.class);

    enum Layout { V1, V2, NONE }

    private final Layout layout;
    private final Path root;

    private CpusetCgroups(Layout layout, Path root) {
        this.layout = layout;
        this.root = root;
    }

    /** Detects the layout from {@code /proc/self/mountinfo}. */
    public static CpusetCgroups detect() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));
        } catch (IOException e) {
            return new CpusetCgroups(Layout.NONE, null);
        }
        Path v2 = null;
        for (String line : lines) {
            // fields: id parent major:minor root mountpoint options ... - fstype source superoptions
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] pre = halves[0].split(" ");
            String[] post = halves[1].split(" ");
            if (pre.length < 5 || post.length < 3) {
                continue;
            }
            Path mount = Path.of(pre[4]);
            if (post[0].equals("cgroup") && List.of(post[2].split(",")).contains("cpuset") && Files.isWritable(mount)) {
                return new CpusetCgroups(Layout.V1, mount);
            }
            if (post[0].equals("cgroup2")) {
                v2 = mount;
            }
        }
        if (v2 != null && read(v2.resolve("cgroup.controllers")).map(c -> List.of(c.split(" ")).contains("cpuset"))
                .orElse(false) && Files.isWritable(v2)) {
            return new CpusetCgroups(Layout.V2, v2);
        }
        return new CpusetCgroups(Layout.NONE, null);
    }

    /** A given layout at a given root (tests use a folder of plain files). */
    static CpusetCgroups at(Layout layout, Path root) {
        return new CpusetCgroups(layout, root);
    }

    public static CpusetCgroups none() {
        return new CpusetCgroups(Layout.NONE, null);
    }

    public String describe() {
        return layout == Layout.NONE ? "no usable cpuset cgroup" : "cpuset cgroup " + layout + " at " + root;
    }

    /** The vCPU's cgroup folder, when the layout has one. */
    public Optional<Path> vcpuGroup(String domain, int vcpu) {
        return layout == Layout.NONE ? Optional.empty()
                : Optional.of(root.resolve("jvirt").resolve(domain).resolve("vcpu" + vcpu));
    }

    /** Moves thread {@code tid} into the vCPU's group limited to {@code cpus}. */
    public void pin(String domain, int vcpu, long tid, BitSet cpus) {
        if (layout == Layout.NONE) {
            return;
        }
        Path top = root.resolve("jvirt");
        Path dom = top.resolve(domain);
        Path group = dom.resolve("vcpu" + vcpu);
        try {
            if (layout == Layout.V1) {
                for (Path p : List.of(top, dom, group)) {
                    makeV1(p);
                }
                Files.writeString(group.resolve("cpuset.cpus"), list(cpus));
                Files.writeString(group.resolve("tasks"), Long.toString(tid));
            } else {
                for (Path p : List.of(top, dom)) {
                    Files.createDirectories(p);
                    Files.writeString(p.getParent().resolve("cgroup.subtree_control"), "+cpuset");
                }
                Files.createDirectories(group);
                Files.writeString(group.resolve("cgroup.type"), "threaded");
                Files.writeString(group.resolve("cpuset.cpus"), list(cpus));
                Files.writeString(group.resolve("cgroup.threads"), Long.toString(tid));
            }
            LOG.debug("vCPU {} of {}: thread {} in {} with cpus {}", vcpu, domain, tid, group, list(cpus));
        } catch (IOException | RuntimeException e) {
            LOG.warn("vCPU {} of {}: cpuset cgroup {} not used: {}", vcpu, domain, group, e.toString());
        }
    }

    /** Removes the domain's groups once its threads are gone. */
    public void remove(String domain) {
        if (layout == Layout.NONE) {
            return;
        }
        Path dom = root.resolve("jvirt").resolve(domain);
        if (!Files.isDirectory(dom)) {
            return;
        }
        // an exited thread leaves its group only once its process is reaped: retry briefly
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try (Stream<Path> children = Files.list(dom)) {
                children.filter(Files::isDirectory).forEach(CpusetCgroups::rmdir);
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", dom, e.toString());
            }
            if (rmdir(dom) || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void makeV1(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return;
        }
        Files.createDirectory(p);
        // a v1 cpuset takes no task until its cpus and mems are set: inherit the parent's
        for (String f : List.of("cpuset.cpus", "cpuset.mems")) {
            Files.writeString(p.resolve(f), read(p.getParent().resolve(f)).orElse("").strip());
        }
    }

    private static boolean rmdir(Path p) {
        try {
            Files.deleteIfExists(p);
            return true;
        } catch (IOException e) {
            LOG.debug("cannot remove cgroup {}: {}", p, e.toString());
            return false;
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A CPU list in the kernel's format, {@code 0-2,5}. */
    static String list(BitSet cpus) {
        StringBuilder sb = new StringBuilder();
        for (int i = cpus.nextSetBit(0); i >= 0; i = cpus.nextSetBit(i + 1)) {
            int end = i;
            while (cpus.get(end + 1)) {
                end++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(i).append(end > i ? "-" + end : "");
            i = end;
        }
        return sb.toString();
    }
}
