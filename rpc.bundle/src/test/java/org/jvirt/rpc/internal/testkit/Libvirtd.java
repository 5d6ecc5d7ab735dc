package org.jvirt.rpc.internal.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real libvirtd 9.0 started by hand on a temporary socket directory and a free loopback TCP
 * port, with an empty driver module directory so that only its built-in test driver is there
 * (the QEMU module would need the libvirt-qemu user). Stopped by PID.
 */
public final class Libvirtd implements AutoCloseable {
    public final Path dir;
    public final int tcpPort;
    public final int tlsPort;
    private final Process process;

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/libvirtd"));
    }

    public Libvirtd() throws IOException, InterruptedException {
        this(null);
    }

    /** With {@code pki}, libvirtd also listens with TLS using its server certificate and CA. */
    public Libvirtd(Pki pki) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("libvirtd");
        Files.createDirectories(dir.resolve("drivers"));
        tcpPort = freePort();
        tlsPort = freePort();
        String tls = pki == null ? "listen_tls = 0\n" : "listen_tls = 1\ntls_port = \"" + tlsPort + "\"\n"
                + "auth_tls = \"none\"\nkey_file = \"" + pki.dir.resolve("serverkey.pem") + "\"\n"
                + "cert_file = \"" + pki.dir.resolve("servercert.pem") + "\"\n"
                + "ca_file = \"" + pki.dir.resolve("cacert.pem") + "\"\n";
        Files.writeString(dir.resolve("libvirtd.conf"), "listen_tcp = 1\n" + tls
                + "listen_addr = \"127.0.0.1\"\ntcp_port = \"" + tcpPort + "\"\nauth_tcp = \"none\"\n"
                + "auth_unix_rw = \"none\"\nauth_unix_ro = \"none\"\nunix_sock_dir = \"" + dir + "\"\n"
                + "log_outputs = \"3:file:" + dir.resolve("libvirtd.log") + "\"\n");
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/libvirtd", "--listen", "--config",
                dir.resolve("libvirtd.conf").toString(), "--pid-file", dir.resolve("libvirtd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile());
        pb.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("drivers").toString());
        process = pb.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // the socket file appears at bind(), before libvirtd listens: wait until a connect succeeds
        while (!accepts(socket()) && System.nanoTime() < until && process.isAlive()) {
            Thread.sleep(50);
        }
        if (!accepts(socket())) {
            close();
            throw new IOException("libvirtd did not come up: " + Files.readString(dir.resolve("stdout")));
        }
    }

    private static boolean accepts(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public Path socket() {
        return dir.resolve("libvirt-sock");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.destroy();   // SIGTERM to this PID
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
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
