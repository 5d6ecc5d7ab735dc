package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                "unix_sock_ro_path", ro.toString())));
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
                config(Map.of("listen_tcp", true, "listen_addr", "0.0.0.0", "tcp_port", 0))));
        assertTrue(e.getMessage().contains("use TLS"), e.getMessage());
    }
}
