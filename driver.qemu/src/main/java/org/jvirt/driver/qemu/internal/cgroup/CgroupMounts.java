package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where each controller is mounted, from {@code /proc/self/mountinfo} (libvirt's
 * virCgroupDetectMounts): a cgroup v1 hierarchy per controller (or co-mounted, {@code cpu,cpuacct}),
 * and the unified (v2) hierarchy with the controllers its root offers. A controller mounted in v1
 * is used there; otherwise in v2 when the unified root lists it (hybrid hosts have both). cgroup v2
 * has no devices controller: "devices" is v2's when no v1 hierarchy has it and BPF device programs
 * can be attached ({@link BpfDeviceFilter}), libvirt's rule.
 */
public final class CgroupMounts {
    private final Map<Controller, Path> v1;
    private final Path v2;
    private final Set<Controller> v2Controllers;

    CgroupMounts(Map<Controller, Path> v1, Path v2, Set<Controller> v2Controllers) {
        this.v1 = Collections.unmodifiableMap(v1.isEmpty() ? new EnumMap<>(Controller.class) : new EnumMap<>(v1));
        this.v2 = v2;
        this.v2Controllers = v2Controllers.isEmpty() ? EnumSet.noneOf(Controller.class) : EnumSet.copyOf(v2Controllers);
    }

    /** This host's mounts; none when mountinfo is unreadable. */
    public static CgroupMounts detect() {
        return detectWithoutV1(Set.of());
    }

    /**
     * This host's mounts, leaving the v1 hierarchies of {@code ignored} unused, as if they were
     * not mounted: those controllers are then used in the unified hierarchy when it has them (a
     * hybrid host whose guests get cgroup v2's device filter instead of the v1 devices controller).
     */
    public static CgroupMounts detectWithoutV1(Set<Controller> ignored) {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")), CgroupMounts::readQuietly,
                    BpfDeviceFilter::available, ignored);
        } catch (IOException e) {
            return none();
        }
    }

    public static CgroupMounts none() {
        return new CgroupMounts(Map.of(), null, Set.of());
    }

    /**
     * Reads mountinfo lines; {@code readFile} gives a file's content (the v2 root's
     * {@code cgroup.controllers}), or null.
     */
    public static CgroupMounts parse(List<String> mountinfo, Function<Path, String> readFile) {
        return parse(mountinfo, readFile, root -> false, Set.of());
    }

    /**
     * As {@link #parse(List, Function)}; {@code bpfDevices} tells whether BPF device programs can
     * be attached in the unified hierarchy at that root ({@link BpfDeviceFilter#available}), and the
     * v1 hierarchies of {@code ignoredV1} are passed over.
     */
    static CgroupMounts parse(List<String> mountinfo, Function<Path, String> readFile, Predicate<Path> bpfDevices,
            Set<Controller> ignoredV1) {
        Map<Controller, Path> v1 = new EnumMap<>(Controller.class);
        Path v2 = null;
        for (String line : mountinfo) {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] pre = halves[0].split(" ");
            String[] post = halves[1].split(" ");
            if (pre.length < 5 || post.length < 3) {
                continue;
            }
            Path mount = Path.of(unescape(pre[4]));
            if (post[0].equals("cgroup")) {
                List<String> options = List.of(post[2].split(","));
                for (Controller c : Controller.values()) {
                    if (options.contains(c.kernelName()) && !ignoredV1.contains(c)) {
                        v1.putIfAbsent(c, mount);
                    }
                }
            } else if (post[0].equals("cgroup2") && v2 == null) {
                v2 = mount;
            }
        }
        Set<Controller> offered = EnumSet.noneOf(Controller.class);
        if (v2 != null) {
            String listed = readFile.apply(v2.resolve("cgroup.controllers"));
            List<String> names = listed == null ? List.of() : List.of(listed.strip().split("\\s+"));
            for (Controller c : Controller.values()) {
                if (!v1.containsKey(c) && (names.contains(c.v2Name()) || v2Implicit(c, names))) {
                    offered.add(c);
                }
            }
            if (offered.stream().noneMatch(c -> names.contains(c.v2Name()))) {
                // a unified hierarchy without controllers (hybrid host) manages nothing of ours
                offered.clear();
            }
            // libvirt's virCgroupV2DetectControllers: v2 has "devices" when a BPF device program can
            // be attached, on a unified hierarchy that offers some controller (virCgroupV2Available)
            offered.remove(Controller.DEVICES);
            if (!v1.containsKey(Controller.DEVICES) && listed != null && !listed.isBlank() && bpfDevices.test(v2)) {
                offered.add(Controller.DEVICES);
            }
        }
        return new CgroupMounts(v1, v2, offered);
    }

    /** v2 accounts CPU time with the cpu controller ({@code cpu.stat}); there is no cpuacct. */
    private static boolean v2Implicit(Controller c, List<String> names) {
        return c == Controller.CPUACCT && names.contains("cpu");
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null;
        }
    }

    /** The v1 mount of {@code c}, when it has one. */
    public Optional<Path> v1(Controller c) {
        return Optional.ofNullable(v1.get(c));
    }

    /** True when {@code c} is managed in the unified hierarchy. */
    public boolean inV2(Controller c) {
        return v2Controllers.contains(c);
    }

    public Path v2Mount() {
        return v2;
    }

    /** True when the controller can be used in either hierarchy. */
    public boolean has(Controller c) {
        return v1.containsKey(c) || v2Controllers.contains(c);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder("cgroups:");
        v1.forEach((c, p) -> sb.append(' ').append(c.kernelName()).append("=v1:").append(p));
        v2Controllers.forEach(c -> sb.append(' ').append(c.kernelName()).append("=v2:").append(v2));
        return v1.isEmpty() && v2Controllers.isEmpty() ? "no usable cgroup controller" : sb.toString();
    }
}
