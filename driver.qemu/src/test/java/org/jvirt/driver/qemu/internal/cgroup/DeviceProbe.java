package org.jvirt.driver.qemu.internal.cgroup;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.VirtException;

/**
 * A real process (python3) that opens device nodes and creates them on request and answers
 * {@code ok} or the errno's name: what a guest's process may do under a device filter. It opens
 * a pty pair at start, before it is moved into a group, so that the pty's slave can be tried
 * later. Also the tests' checks of the cgroup v2 prerequisites and the kernel's view of a
 * group's filter.
 */
public final class DeviceProbe {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = """
            import errno, fcntl, os, stat, struct, sys
            m = os.open('/dev/ptmx', os.O_RDWR | os.O_NOCTTY)
            fcntl.ioctl(m, 0x40045431, struct.pack('i', 0))          # TIOCSPTLCK: unlock
            n = struct.unpack('I', fcntl.ioctl(m, 0x80045430, b'\\0' * 4))[0]   # TIOCGPTN
            print('/dev/pts/%d' % n, flush=True)
            modes = {'r': os.O_RDONLY, 'w': os.O_WRONLY, 'rw': os.O_RDWR}
            for line in sys.stdin:
                f = line.split()
                try:
                    if f[0] == 'open':
                        os.close(os.open(f[1], modes[f[2]] | os.O_NOCTTY))
                    else:
                        kind = stat.S_IFCHR if f[2] == 'c' else stat.S_IFBLK
                        os.mknod(f[1], 0o600 | kind, os.makedev(int(f[3]), int(f[4])))
                        os.unlink(f[1])
                    print('ok', flush=True)
                except OSError as e:
                    print(errno.errorcode.get(e.errno, str(e.errno)), flush=True)
            """;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final String pty;

    private DeviceProbe(Process process) throws IOException {
        this.process = process;
        this.in = process.outputWriter(StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.pty = out.readLine();
        if (pty == null || !pty.startsWith("/dev/pts/")) {
            process.destroyForcibly();
            throw new IOException("device probe did not start: " + pty);
        }
    }

    /**
     * A new group {@code name} at the unified hierarchy's root; skips the test (with the reason)
     * where the host has no cgroup2 mount, the test is not root, BPF device programs cannot be
     * attached, or python3 is missing.
     */
    public static Path newV2Group(String name) throws IOException {
        Path v2 = assumeBpfDeviceFilter();
        assumeTrue(Files.isExecutable(PYTHON), "python3 not installed");
        return Files.createDirectory(v2.resolve(name));
    }

    /**
     * The unified hierarchy's mount; skips the test (with the reason) where the host has none, the
     * test is not root or the kernel cannot attach BPF device programs there.
     */
    public static Path assumeBpfDeviceFilter() {
        CgroupMounts mounts = CgroupMounts.detect();
        assumeTrue(mounts.v2Mount() != null, "no cgroup2 hierarchy mounted");
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: cannot create cgroups or load BPF");
        assumeTrue(Files.isWritable(mounts.v2Mount()), "cgroup2 hierarchy at " + mounts.v2Mount() + " not writable");
        assumeTrue(BpfDeviceFilter.available(mounts.v2Mount()),
                "the kernel refuses BPF_PROG_QUERY for BPF_CGROUP_DEVICE (no cgroup BPF)");
        return mounts.v2Mount();
    }

    public static DeviceProbe start() throws IOException {
        return new DeviceProbe(new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    public long pid() {
        return process.pid();
    }

    /** The pty slave it opened the master of. */
    public String pty() {
        return pty;
    }

    public void moveInto(Path group) throws IOException {
        Files.writeString(group.resolve("cgroup.procs"), Long.toString(process.pid()));
    }

    /** Opens {@code path} with {@code mode} r, w or rw: {@code ok} or the errno's name. */
    public String open(String path, String mode) throws IOException {
        return ask("open " + path + " " + mode);
    }

    /** Creates (and removes) node {@code path}: {@code ok} or the errno's name. */
    public String mknod(Path path, char type, int major, int minor) throws IOException {
        return ask("mknod " + path + " " + type + " " + major + " " + minor);
    }

    private String ask(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null) {
            throw new IOException("device probe " + process.pid() + " died");
        }
        return answer;
    }

    /** Ends the process (by its pid) and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The kernel's view of {@code dir}'s device filter, found afresh as a restarted driver finds
     * it: the map's entries as {@code devices.allow} lines, sorted; empty without a program.
     */
    public static List<String> filterEntries(Path dir) throws VirtException {
        BpfDeviceFilter f = new BpfDeviceFilter(dir);
        try {
            return f.entries().values().stream().map(DeviceRule::toString).sorted().toList();
        } finally {
            f.close();
        }
    }

    /** The number of BPF device programs attached to {@code dir} itself. */
    public static int attachedPrograms(Path dir) throws IOException {
        return attachedProgramIds(dir).length;
    }

    /** The ids of the BPF device programs attached to {@code dir} itself. */
    public static int[] attachedProgramIds(Path dir) throws IOException {
        try {
            int fd = Bpf.openDirectory(dir.toString());
            try {
                return Bpf.query(fd, Bpf.ATTACH_CGROUP_DEVICE, 16);
            } finally {
                Bpf.close(fd);
            }
        } catch (Bpf.ErrnoException e) {
            throw new IOException("cannot query the BPF programs of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** How many BPF program and map descriptors this JVM holds open. */
    public static long openBpfDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.equals("anon_inode:bpf-prog") || target.equals("anon_inode:bpf-map");
                } catch (IOException e) {
                    return false;   // closed meanwhile (the listing's own descriptor)
                }
            }).count();
        }
    }

    /** True while the kernel still has BPF program {@code id} (someone holds it). */
    public static boolean programExists(int id) throws IOException {
        try {
            Bpf.close(Bpf.progById(id));
            return true;
        } catch (Bpf.ErrnoException e) {
            if (e.errno() == Bpf.ENOENT) {
                return false;
            }
            throw new IOException("cannot look up BPF program " + id + ": " + e.getMessage(), e);
        }
    }
}
