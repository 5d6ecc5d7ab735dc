package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.rpc.internal.client.RpcClient;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.wire.ChannelTransport;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** The DS component as Config Admin drives it: sockets and permissions from the configuration. */
class RpcServerComponentTest {

    /** A configuration as DS builds it: the given properties, defaults for the rest. */
    static RpcServerConfig config(Map<String, Object> props) {
        return (RpcServerConfig) Proxy.newProxyInstance(RpcServerConfig.class.getClassLoader(),
                new Class<?>[] {RpcServerConfig.class}, (proxy, method, args) -> {
                    Object v = props.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    @Test
    void servesTheConfiguredSocketsAndRemovesThemOnDeactivate(@TempDir Path dir) throws Exception {
        Path rw = dir.resolve("run/jvirt-sock");
        Path ro = dir.resolve("run/jvirt-sock-ro");
        RpcServerComponent c = new RpcServerComponent(Hosts.testDefault(dir.resolve("state")), config(Map.of(
                "unix_sock_rw_path", rw.toString(), "unix_sock_rw_perms", "0770",
                "unix_sock_ro_path", ro.toString())), runDir(dir));
        try {
            assertEquals("rwxrwx---", PosixFilePermissions.toString(Files.getPosixFilePermissions(rw)));
            assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(ro)));
            try (RpcClient client = new RpcClient(new ChannelTransport(
                    SocketChannel.open(UnixDomainSocketAddress.of(rw)), true, "t"), 10_000)) {
                client.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString("test:///default").writeInt(0)
                        .toByteArray());
                assertEquals("TEST", client.call(RemoteProc.CONNECT_GET_TYPE, new byte[0]).readString());
            }
        } finally {
            c.deactivate();
        }
        assertFalse(Files.exists(rw), "socket removed");
        assertFalse(Files.exists(ro), "socket removed");
    }

    @Test
    void plainTcpOnANonLoopbackAddressIsRefused(@TempDir Path dir) {
        Exception e = assertThrows(IOException.class, () -> new RpcServerComponent(
                Hosts.testDefault(dir.resolve("state")),
                config(Map.of("listen_tcp", true, "listen_addr", "0.0.0.0", "tcp_port", 0)), runDir(dir)));
        assertTrue(e.getMessage().contains("use TLS"), e.getMessage());
    }

    /** Framework properties with the run directory {@code <dir>/run}: tests never use the real /run/jvirt. */
    static UnaryOperator<String> runDir(Path dir) {
        return Map.of(HostDirectories.RUN_DIR_PROPERTY, dir.resolve("run").toString())::get;
    }

    @Test
    void withoutConfigurationServesLibvirtsTwoSocketsInTheRunDirectory(@TempDir Path dir) throws Exception {
        RpcServerComponent c = new RpcServerComponent(Hosts.testDefault(dir.resolve("state")), config(Map.of()),
                runDir(dir));
        Path rw = dir.resolve("run/libvirt-sock");
        Path ro = dir.resolve("run/libvirt-sock-ro");
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rw)));
            assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(ro)));
            for (Path socket : List.of(rw, ro)) {
                assertEquals("TEST", typeOver(socket));
            }
            try (Stream<Path> s = Files.list(dir.resolve("run"))) {
                assertEquals(Set.of("libvirt-sock", "libvirt-sock-ro"),
                        s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                        "the private folders the sockets were bound in are gone");
            }
        } finally {
            c.deactivate();
        }
        assertFalse(Files.exists(rw), "socket removed");
    }

    @Test
    void theSocketFolderPropertyMovesTheSockets(@TempDir Path dir) throws Exception {
        Path libvirt = dir.resolve("libvirt");
        RpcServerComponent c = new RpcServerComponent(Hosts.testDefault(dir.resolve("state")), config(Map.of()),
                Map.of(RpcServerComponent.SOCKET_DIR_PROPERTY, libvirt.toString(),
                        HostDirectories.RUN_DIR_PROPERTY, dir.resolve("run").toString())::get);
        try {
            assertEquals("TEST", typeOver(libvirt.resolve("libvirt-sock")));
            assertTrue(Files.exists(libvirt.resolve("libvirt-sock-ro")));
            assertFalse(Files.exists(dir.resolve("run/libvirt-sock")));
        } finally {
            c.deactivate();
        }
    }

    @Test
    void aStaleSocketIsReplacedALiveOneRefused(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path rw = run.resolve("libvirt-sock");
        // a daemon that died without removing its socket leaves a file nobody accepts on
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(rw));
        dead.close();
        assertTrue(Files.exists(rw));
        RpcServerComponent c = new RpcServerComponent(Hosts.testDefault(dir.resolve("state")), config(Map.of()),
                runDir(dir));
        try {
            assertEquals("TEST", typeOver(rw));
            IOException e = assertThrows(IOException.class, () -> new RpcServerComponent(
                    Hosts.testDefault(dir.resolve("state2")), config(Map.of()), runDir(dir)));
            assertTrue(e.getMessage().contains("cannot listen on " + rw + ": the socket is in use")
                    && e.getMessage().contains("unix.sock.dir"), e.getMessage());
            assertEquals("TEST", typeOver(rw), "the running server keeps its socket");
        } finally {
            c.deactivate();
        }
    }

    @Test
    void aPathThatIsNotASocketIsNotReplaced(@TempDir Path dir) throws Exception {
        Path rw = Files.createDirectories(dir.resolve("run")).resolve("libvirt-sock");
        Files.writeString(rw, "precious");
        IOException e = assertThrows(IOException.class, () -> new RpcServerComponent(
                Hosts.testDefault(dir.resolve("state")), config(Map.of()), runDir(dir)));
        assertTrue(e.getMessage().contains("exists and is not a socket"), e.getMessage());
        assertEquals("precious", Files.readString(rw));
    }

    @Test
    void aSocketPathTooLongIsRefusedNamingTheSetting(@TempDir Path dir) {
        Path deep = dir.resolve("d".repeat(100));
        IOException e = assertThrows(IOException.class, () -> new RpcServerComponent(
                Hosts.testDefault(dir.resolve("state")), config(Map.of()),
                Map.of(HostDirectories.RUN_DIR_PROPERTY, deep.toString())::get));
        assertTrue(e.getMessage().startsWith("Path " + deep.resolve("libvirt-sock") + " too long for unix socket"),
                e.getMessage());
        assertTrue(e.getMessage().contains("set unix.sock.dir (PID org.jvirt.rpc) or jvirtd --run-dir"), e.getMessage());
    }

    @Test
    void listenUnixOffOpensNoSocket(@TempDir Path dir) throws Exception {
        RpcServerComponent c = new RpcServerComponent(Hosts.testDefault(dir.resolve("state")),
                config(Map.of("listen_unix", false)), runDir(dir));
        try {
            assertFalse(Files.exists(dir.resolve("run/libvirt-sock")));
            assertFalse(Files.exists(dir.resolve("run/libvirt-sock-ro")));
        } finally {
            c.deactivate();
        }
    }

    @Test
    void openFlagsOtherThanReadOnlyAreIgnoredAsByLibvirtd(@TempDir Path dir) throws Exception {
        RpcServerComponent c = new RpcServerComponent(Hosts.testDefault(dir.resolve("state")), config(Map.of()),
                runDir(dir));
        try {
            // what virsh run by a user other than root sends: VIR_DRV_OPEN_REMOTE_USER | _AUTOSTART
            assertEquals("TEST", typeOver(dir.resolve("run/libvirt-sock"), 0x6));
            try (RpcClient client = new RpcClient(new ChannelTransport(
                    SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("run/libvirt-sock"))), true, "t"), 10_000)) {
                client.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString("test:///default").writeInt(0x7)
                        .toByteArray());
                VirtException e = assertThrows(VirtException.class, () -> client.call(RemoteProc.DOMAIN_DEFINE_XML,
                        new XdrWriter().writeString("<domain type='test'><name>x</name><memory>1024</memory>"
                                + "<os><type>hvm</type></os></domain>").toByteArray()));
                assertEquals(ErrorCode.OPERATION_DENIED, e.code(), "VIR_CONNECT_RO is kept: " + e);
            }
        } finally {
            c.deactivate();
        }
    }

    private static String typeOver(Path socket) throws Exception {
        return typeOver(socket, 0);
    }

    private static String typeOver(Path socket, int openFlags) throws Exception {
        try (RpcClient client = new RpcClient(new ChannelTransport(
                SocketChannel.open(UnixDomainSocketAddress.of(socket)), true, "t"), 10_000)) {
            client.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString("test:///default").writeInt(openFlags)
                    .toByteArray());
            return client.call(RemoteProc.CONNECT_GET_TYPE, new byte[0]).readString();
        }
    }
}
