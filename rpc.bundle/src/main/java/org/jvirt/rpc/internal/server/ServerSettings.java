package org.jvirt.rpc.internal.server;

import java.nio.file.Path;
import java.util.List;

/**
 * The server's settings as plain values (what {@link RpcServerConfig} says), so the server can be
 * built without OSGi in tests.
 */
public record ServerSettings(Path rwSocket, String rwPerms, Path roSocket, String roPerms,
                             boolean tcp, String tcpAddress, int tcpPort,
                             TlsSettings tls, int maxClients, int maxClientRequests, int maxWorkers,
                             int keepaliveInterval, int keepaliveCount) {

    /** TLS listener settings; null in {@link ServerSettings#tls()} when TLS is off. */
    public record TlsSettings(String address, int port, Path keystore, char[] keystorePassword,
                              Path truststore, char[] truststorePassword, List<String> allowedDns) {
    }

    /** libvirtd's socket names in its {@code unix_sock_dir}. */
    static final String RW_NAME = "libvirt-sock";
    static final String RO_NAME = "libvirt-sock-ro";

    /**
     * The settings {@code c} gives, its UNIX sockets in {@code c.unix_sock_dir()} or, when that is
     * empty, in {@code defaultSocketDir}; none when {@code listen.unix} is off.
     */
    public static ServerSettings of(RpcServerConfig c, Path defaultSocketDir) {
        TlsSettings tls = !c.listen_tls() ? null : new TlsSettings(c.listen_addr(), c.tls_port(),
                Path.of(c.tls_keystore()), c.tls_keystore_password().toCharArray(),
                c.tls_truststore().isEmpty() ? null : Path.of(c.tls_truststore()),
                c.tls_truststore_password().toCharArray(), List.of(c.tls_allowed_dn_list()));
        Path dir = c.unix_sock_dir().isBlank() ? defaultSocketDir : Path.of(c.unix_sock_dir().trim());
        Path rw = c.listen_unix() ? socket(c.unix_sock_rw_path(), dir, RW_NAME) : null;
        Path ro = c.listen_unix() ? socket(c.unix_sock_ro_path(), dir, RO_NAME) : null;
        return new ServerSettings(rw, c.unix_sock_rw_perms(), ro, c.unix_sock_ro_perms(), c.listen_tcp(),
                c.listen_addr(), c.tcp_port(), tls, c.max_clients(), c.max_client_requests(), c.max_workers(),
                c.keepalive_interval(), c.keepalive_count());
    }

    /** The configured socket path, else {@code name} in the sockets' folder. */
    private static Path socket(String configured, Path dir, String name) {
        return configured == null || configured.isBlank() ? dir.resolve(name) : Path.of(configured.trim());
    }

    /** A read-write and a read-only socket, no network, libvirtd's limits. */
    public static ServerSettings unix(Path rw, Path ro) {
        return new ServerSettings(rw, "0700", ro, "0777", false, "127.0.0.1", 0, null, 500, 5, 20, 5, 5);
    }

    public ServerSettings withTcp(String address, int port) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, true, address, port, tls,
                maxClients, maxClientRequests, maxWorkers, keepaliveInterval, keepaliveCount);
    }

    public ServerSettings withTls(TlsSettings t) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, t,
                maxClients, maxClientRequests, maxWorkers, keepaliveInterval, keepaliveCount);
    }

    public ServerSettings withLimits(int clients, int requests, int workers) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, tls,
                clients, requests, workers, keepaliveInterval, keepaliveCount);
    }

    public ServerSettings withKeepalive(int interval, int count) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, tls,
                maxClients, maxClientRequests, maxWorkers, interval, count);
    }
}
