package org.jvirt.rpc.internal.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jvirt.rpc.internal.dispatch.ClientAuth;
import org.jvirt.rpc.internal.sasl.SaslSettings;

/**
 * The server's settings as plain values (what {@link RpcServerConfig} says), so the server can be
 * built without OSGi in tests.
 */
public record ServerSettings(Path rwSocket, String rwPerms, Path roSocket, String roPerms,
                             boolean tcp, String tcpAddress, int tcpPort,
                             TlsSettings tls, Limits limits,
                             int keepaliveInterval, int keepaliveCount, Auth auth) {

    /**
     * Which authentication each listener demands (libvirtd's auth_unix_rw, auth_unix_ro, auth_tcp,
     * auth_tls), each {@link ClientAuth#NONE} or {@link ClientAuth#SASL}, and how SASL checks clients.
     */
    public record Auth(int unixRw, int unixRo, int tcp, int tls, SaslSettings sasl) {
        /**
         * libvirtd 9.0's defaults where polkit is absent: SASL on plain TCP, none on the UNIX sockets
         * (their file permissions decide) and on TLS (the client certificate does).
         */
        public static final Auth LIBVIRTD = new Auth(ClientAuth.NONE, ClientAuth.NONE, ClientAuth.SASL,
                ClientAuth.NONE, SaslSettings.none());
        /** No authentication anywhere: auth_tcp = "none" said explicitly. */
        public static final Auth NONE = new Auth(ClientAuth.NONE, ClientAuth.NONE, ClientAuth.NONE,
                ClientAuth.NONE, SaslSettings.none());

        public Auth withTcp(int type) {
            return new Auth(unixRw, unixRo, type, tls, sasl);
        }

        public Auth withTls(int type) {
            return new Auth(unixRw, unixRo, tcp, type, sasl);
        }

        public Auth withSasl(SaslSettings s) {
            return new Auth(unixRw, unixRo, tcp, tls, s);
        }

        /** libvirtd.conf's names: "none" or "sasl" ("polkit" needs polkit, which jvirt has not). */
        static int parse(String key, String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> ClientAuth.NONE;
                case "sasl" -> ClientAuth.SASL;
                default -> throw new IllegalArgumentException(key + ": unsupported authentication '" + value
                        + "' (jvirt supports \"none\" and \"sasl\")");
            };
        }
    }

    /** TLS listener settings; null in {@link ServerSettings#tls()} when TLS is off. */
    public record TlsSettings(String address, int port, Path keystore, char[] keystorePassword,
                              Path truststore, char[] truststorePassword, List<String> allowedDns) {
    }

    /**
     * libvirtd.conf's processing controls, plus the one bound libvirtd lacks (queued events).
     *
     * @param maxClients        clients served at once; more are refused
     * @param maxQueuedClients  connections the kernel holds before the server accepts them (listen backlog)
     * @param maxAnonymousClients accepted clients not yet authenticated (TLS handshakes under way); at
     *                          the limit the TLS listener accepts no more until one ends; 0 turns it off
     * @param minWorkers        workers started up front
     * @param maxWorkers        workers running calls at most
     * @param prioWorkers       extra workers for high-priority calls (domain destroy) when all workers are busy
     * @param maxClientRequests calls of one client in flight (queued, running or replied but not yet
     *                          written); the client is not read from while it has that many
     * @param maxClientEvents   events (and keepalive messages) queued for a client that does not read
     *                          them; past it the client is dropped
     */
    public record Limits(int maxClients, int maxQueuedClients, int maxAnonymousClients, int minWorkers,
                         int maxWorkers, int prioWorkers, int maxClientRequests, int maxClientEvents) {
        /** libvirtd's defaults (libvirtd.conf of libvirt 9.0); 1000 queued events is jvirt's own. */
        public static final Limits LIBVIRTD = new Limits(5000, 1000, 20, 5, 20, 5, 5, 1000);

        public Limits {
            maxClients = Math.max(1, maxClients);
            maxQueuedClients = Math.max(1, maxQueuedClients);
            maxAnonymousClients = Math.max(0, maxAnonymousClients);
            maxWorkers = Math.max(1, maxWorkers);
            minWorkers = Math.max(0, Math.min(minWorkers, maxWorkers));
            prioWorkers = Math.max(0, prioWorkers);
            maxClientRequests = Math.max(1, maxClientRequests);
            maxClientEvents = Math.max(1, maxClientEvents);
        }

        /**
         * The most calls that can wait for a worker: every client at its max_client_requests. The
         * worker queue is this long, so it never refuses a call a client was allowed to send.
         */
        public int maxQueuedCalls() {
            return (int) Math.min(Integer.MAX_VALUE, (long) maxClients * maxClientRequests);
        }
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
        Limits limits = new Limits(c.max_clients(), c.max_queued_clients(), c.max_anonymous_clients(),
                c.min_workers(), c.max_workers(), c.prio_workers(), c.max_client_requests(), c.max_client_events());
        SaslSettings sasl = new SaslSettings(path(c.sasl_passwd_file()), List.of(c.sasl_allowed_username_list()),
                c.tcp_min_ssf(), c.sasl_realm());
        Auth auth = new Auth(Auth.parse("auth_unix_rw", c.auth_unix_rw()), Auth.parse("auth_unix_ro", c.auth_unix_ro()),
                Auth.parse("auth_tcp", c.auth_tcp()), Auth.parse("auth_tls", c.auth_tls()), sasl);
        Path dir = c.unix_sock_dir().isBlank() ? defaultSocketDir : Path.of(c.unix_sock_dir().trim());
        Path rw = c.listen_unix() ? socket(c.unix_sock_rw_path(), dir, RW_NAME) : null;
        Path ro = c.listen_unix() ? socket(c.unix_sock_ro_path(), dir, RO_NAME) : null;
        return new ServerSettings(rw, c.unix_sock_rw_perms(), ro, c.unix_sock_ro_perms(), c.listen_tcp(),
                c.listen_addr(), c.tcp_port(), tls, limits, c.keepalive_interval(), c.keepalive_count(), auth);
    }

    private static Path path(String p) {
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /** The configured socket path, else {@code name} in the sockets' folder. */
    private static Path socket(String configured, Path dir, String name) {
        return configured == null || configured.isBlank() ? dir.resolve(name) : Path.of(configured.trim());
    }

    /** A read-write and a read-only socket, no network, libvirtd's limits and authentication. */
    public static ServerSettings unix(Path rw, Path ro) {
        return new ServerSettings(rw, "0700", ro, "0777", false, "127.0.0.1", 0, null, Limits.LIBVIRTD, 5, 5,
                Auth.LIBVIRTD);
    }

    public int maxClients() {
        return limits.maxClients();
    }

    public int maxClientRequests() {
        return limits.maxClientRequests();
    }

    public int maxWorkers() {
        return limits.maxWorkers();
    }

    public ServerSettings withTcp(String address, int port) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, true, address, port, tls,
                limits, keepaliveInterval, keepaliveCount, auth);
    }

    public ServerSettings withTls(TlsSettings t) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, t,
                limits, keepaliveInterval, keepaliveCount, auth);
    }

    /** max_clients, max_client_requests and max_workers; the other limits stay. */
    public ServerSettings withLimits(int clients, int requests, int workers) {
        return withLimits(new Limits(clients, limits.maxQueuedClients(), limits.maxAnonymousClients(),
                limits.minWorkers(), workers, limits.prioWorkers(), requests, limits.maxClientEvents()));
    }

    public ServerSettings withLimits(Limits l) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, tls,
                l, keepaliveInterval, keepaliveCount, auth);
    }

    public ServerSettings withAuth(Auth a) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, tls,
                limits, keepaliveInterval, keepaliveCount, a);
    }

    /** The authentication a client of this listener must pass: unix (rw or ro), tcp or tls. */
    public int authFor(boolean unix, boolean readOnly, boolean tlsListener) {
        if (tlsListener) {
            return auth.tls();
        }
        if (unix) {
            return readOnly ? auth.unixRo() : auth.unixRw();
        }
        return auth.tcp();
    }

    public ServerSettings withKeepalive(int interval, int count) {
        return new ServerSettings(rwSocket, rwPerms, roSocket, roPerms, tcp, tcpAddress, tcpPort, tls,
                limits, interval, count, auth);
    }
}
