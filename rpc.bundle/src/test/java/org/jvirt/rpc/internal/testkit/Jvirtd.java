package org.jvirt.rpc.internal.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.server.RpcServer;
import org.jvirt.rpc.internal.server.ServerSettings;

/** An in-process jvirtd: the RPC server on temporary UNIX sockets and a free loopback TCP port. */
public final class Jvirtd implements AutoCloseable {
    public final Path dir;
    public final Path rw;
    public final Path ro;
    public final RpcServer server;
    public final InetSocketAddress tcp;

    /** Serving the real core and test driver. */
    public Jvirtd() throws IOException, VirtException {
        this(s -> s);
    }

    public Jvirtd(UnaryOperator<ServerSettings> tweak) throws IOException, VirtException {
        this(Files.createTempDirectory("jvirtd"), null, tweak);
    }

    public Jvirtd(ConnectionFactory factory) throws IOException {
        this(factory, s -> s);
    }

    public Jvirtd(ConnectionFactory factory, UnaryOperator<ServerSettings> tweak) throws IOException {
        this(Files.createTempDirectory("jvirtd"), factory, tweak);
    }

    private Jvirtd(Path dir, ConnectionFactory factory, UnaryOperator<ServerSettings> tweak)
            throws IOException {
        this.dir = dir;
        if (factory == null) {
            try {
                factory = Hosts.testDefault(dir.resolve("state"));
            } catch (VirtException e) {
                throw new IOException(e);
            }
        }
        rw = dir.resolve("libvirt-sock");
        ro = dir.resolve("libvirt-sock-ro");
        // auth_tcp = "none" said explicitly, as libvirtd's tests do; SASL tests tweak it back
        server = new RpcServer(factory, tweak.apply(ServerSettings.unix(rw, ro).withTcp("127.0.0.1", 0)
                .withAuth(ServerSettings.Auth.NONE)));
        server.start();
        tcp = server.tcpAddress();
    }

    public String unixUri() {
        return "test+unix:///default?socket=" + rw;
    }

    public String roUri() {
        return "test+unix:///default?socket=" + ro;
    }

    public String tcpUri() {
        return "test+tcp://127.0.0.1:" + tcp.getPort() + "/default";
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
