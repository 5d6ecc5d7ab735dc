package org.jvirt.rpc.internal.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real libvirtd 9.0 with only its QEMU driver, on sockets in a temporary folder, in a private
 * mount namespace (as {@code bench/qemu-vs-libvirtd.sh} runs it) so that nothing of the host's
 * libvirt is read or written: a tmpfs over {@code /run/libvirt}, the folder's {@code var} over
 * {@code /var} and {@code etc} over {@code /etc/libvirt} (a qemu.conf running guests as root,
 * without a security driver), and a copy of {@code /etc/group} with the {@code libvirt-qemu} group
 * that Debian's libvirt resolves at start (the host keeps its own). {@code unshare} and {@code sh}
 * exec into libvirtd, so the started process is libvirtd itself: stopped by that PID.
 */
public final class QemuLibvirtd implements AutoCloseable {
    private static final Path DRIVERS = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver");

    public final Path dir;
    private final Process process;

    /** Root, libvirtd, its QEMU driver module and util-linux's unshare are needed. */
    public static boolean available() {
        return Libvirtd.available() && Files.exists(DRIVERS.resolve("libvirt_driver_qemu.so"))
                && Proc.available("unshare") && "root".equals(System.getProperty("user.name"));
    }

    public QemuLibvirtd() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("lvqemu");
        for (String d : List.of("drivers", "etc", "var/lib", "var/cache", "var/log", "var/tmp")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.createSymbolicLink(dir.resolve("var/run"), Path.of("/run"));
        Files.createSymbolicLink(dir.resolve("drivers/libvirt_driver_qemu.so"), DRIVERS.resolve("libvirt_driver_qemu.so"));
        Files.writeString(dir.resolve("libvirtd.conf"), "listen_tcp = 0\nlisten_tls = 0\nunix_sock_dir = \"" + dir
                + "\"\nauth_unix_rw = \"none\"\nauth_unix_ro = \"none\"\n");
        Files.writeString(dir.resolve("etc/qemu.conf"), "user = \"root\"\ngroup = \"root\"\nswtpm_user = \"root\"\n"
                + "swtpm_group = \"root\"\nsecurity_driver = \"none\"\nstdio_handler = \"file\"\n");
        String group = Files.readString(Path.of("/etc/group"));
        if (!group.lines().anyMatch(l -> l.startsWith("libvirt-qemu:"))) {
            group += (group.endsWith("\n") ? "" : "\n") + "libvirt-qemu:x:64055:\n";
        }
        Files.writeString(dir.resolve("group"), group);
        String script = "mount -t tmpfs -o mode=0755 tmpfs /run/libvirt && mount --bind " + dir.resolve("var")
                + " /var && mount --bind " + dir.resolve("etc") + " /etc/libvirt && mount --bind " + dir.resolve("group")
                + " /etc/group && exec /usr/sbin/libvirtd --config " + dir.resolve("libvirtd.conf") + " --pid-file "
                + dir.resolve("libvirtd.pid");
        ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", script)
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile());
        pb.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("drivers").toString());
        process = pb.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(socket()) && System.nanoTime() < until && process.isAlive()) {
            Thread.sleep(50);
        }
        if (!Files.exists(socket())) {
            String out = Files.readString(dir.resolve("stdout"));
            close();
            throw new IOException("libvirtd did not come up: " + out);
        }
    }

    public Path socket() {
        return dir.resolve("libvirt-sock");
    }

    public String uri() {
        return "qemu+unix:///system?socket=" + socket();
    }

    public String roUri() {
        return "qemu+unix:///system?socket=" + dir.resolve("libvirt-sock-ro");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.destroy();   // SIGTERM to libvirtd's PID
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
