package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.jvirt.rpc.internal.server.ServerSettings.TlsSettings;
import org.jvirt.rpc.internal.wire.SocketTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS listener (JSSE): the server certificate from a PKCS#12 key store; with a trust store, every
 * client must present a certificate signed by its CA, and with an allowed-DN list its subject must
 * be on it (libvirtd's tls_allowed_dn_list).
 */
final class TlsListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsListener.class);
    /** RFC 8446 4.6.1: a ticket lives at most 7 days. */
    private static final int MAX_TICKET_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
    private static final int SESSION_CACHE_SIZE = 100;

    private final RpcServer server;
    private final SSLServerSocket socket;
    private final List<X500Principal> allowed;
    private final Thread acceptor;
    /** max_anonymous_clients: handshakes under way; null when unlimited. */
    private final Semaphore anonymous;
    private final int maxAnonymous;
    private final Map<String, LongAdder> handshakes = new ConcurrentHashMap<>();

    private TlsListener(RpcServer server, SSLServerSocket socket, List<X500Principal> allowed, int maxAnonymous) {
        this.server = server;
        this.socket = socket;
        this.allowed = allowed;
        this.maxAnonymous = maxAnonymous;
        this.anonymous = maxAnonymous == 0 ? null : new Semaphore(maxAnonymous);
        this.acceptor = new Thread(this::acceptLoop, "jvirt-rpc-accept tls");
        this.acceptor.setDaemon(true);
    }

    /** {@code backlog} is max_queued_clients; {@code maxAnonymous} max_anonymous_clients (0: no limit). */
    static TlsListener open(RpcServer server, TlsSettings s, int backlog, int maxAnonymous) throws IOException {
        try {
            KeyStore ks = load(s.keystore(), s.keystorePassword());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, s.keystorePassword());
            TrustManagerFactory tmf = null;
            if (s.truststore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(s.truststore(), s.truststorePassword()));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            withoutSessionTickets(ctx);
            SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                    .createServerSocket(s.port(), backlog, InetAddress.getByName(s.address()));
            ss.setNeedClientAuth(tmf != null);
            List<X500Principal> allowed = s.allowedDns().stream().map(X500Principal::new).toList();
            return new TlsListener(server, ss, allowed, maxAnonymous);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * TLS 1.3 without NewSessionTicket messages. JSSE sends the ticket as a record of its own right
     * after the client's Finished, and libvirt's confirmation byte follows in a second write. A
     * libvirt client (virNetClientSetTLSSession) waits once for the socket to become readable and
     * then reads once: when the ticket arrives alone, GnuTLS consumes it, has no application data
     * and returns GNUTLS_E_AGAIN, and the client fails with "Unable to read TLS confirmation:
     * Resource temporarily unavailable". libvirt clients never resume TLS sessions, so the tickets
     * are of no use to them. JSSE issues no ticket when the server session timeout exceeds the
     * 7-day ticket lifetime limit of RFC 8446 (NewSessionTicket.MAX_TICKET_LIFETIME); that is the one
     * switch JDK 17 offers. TLS 1.2 does not cache sessions for reuse either: the cache stays small.
     */
    static void withoutSessionTickets(SSLContext ctx) {
        SSLSessionContext sessions = ctx.getServerSessionContext();
        sessions.setSessionTimeout(MAX_TICKET_LIFETIME_SECONDS + 1);
        sessions.setSessionCacheSize(SESSION_CACHE_SIZE);
    }

    private static KeyStore load(Path path, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password);
        }
        return ks;
    }

    void start() {
        acceptor.start();
        LOG.info("listening with TLS on {}", socket.getLocalSocketAddress());
    }

    /** Completed handshakes (client accepted) by negotiated protocol. */
    Map<String, Long> handshakes() {
        Map<String, Long> out = new TreeMap<>();
        handshakes.forEach((p, n) -> out.put(p, n.sum()));
        return out;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                if (!awaitAnonymousSlot()) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            SSLSocket client;
            try {
                client = (SSLSocket) socket.accept();
            } catch (IOException e) {
                releaseAnonymousSlot();
                if (!socket.isClosed()) {
                    LOG.warn("TLS accept failed: {}", e.toString());
                }
                continue;
            }
            // the handshake runs on its own thread so one slow client cannot block accepting
            Thread t = new Thread(() -> {
                try {
                    handshake(client);
                } finally {
                    releaseAnonymousSlot();
                }
            }, "jvirt-rpc-tls-handshake");
            t.setDaemon(true);
            try {
                t.start();
            } catch (RuntimeException | Error e) {
                // no thread for its handshake: that client is lost, the listener must not be
                LOG.error("TLS client {} cannot be served", client.getRemoteSocketAddress(), e);
                releaseAnonymousSlot();
                try {
                    client.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    /**
     * As libvirtd with max_anonymous_clients: while that many clients are still in their handshake,
     * no more are accepted (they wait in the backlog), so clients that connect and say nothing cost
     * a bounded number of threads. False when the wait should be tried again (the listener may
     * have closed meanwhile).
     */
    private boolean awaitAnonymousSlot() throws InterruptedException {
        if (anonymous == null || anonymous.tryAcquire()) {
            return true;
        }
        LOG.info("Temporarily suspending TLS accept: {} clients are in their handshake (max_anonymous_clients)",
                maxAnonymous);
        while (!socket.isClosed()) {
            if (anonymous.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                LOG.info("Re-enabling TLS accept");
                return true;
            }
        }
        return false;
    }

    private void releaseAnonymousSlot() {
        if (anonymous != null) {
            anonymous.release();
        }
    }

    private void handshake(SSLSocket client) {
        String peer = String.valueOf(client.getRemoteSocketAddress());
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(10_000);
            client.startHandshake();
            if (!allowed.isEmpty()) {
                X509Certificate cert = (X509Certificate) client.getSession().getPeerCertificates()[0];
                if (!allowed.contains(cert.getSubjectX500Principal())) {
                    LOG.warn("TLS client {} with DN '{}' is not on the allowed DN list", peer,
                            cert.getSubjectX500Principal());
                    client.close();
                    return;
                }
            }
            // libvirt's TLS protocol: once the server has checked the client, it sends one byte 1;
            // libvirt clients wait for it before the first RPC
            client.getOutputStream().write(1);
            client.getOutputStream().flush();
            client.setSoTimeout(0);
            String protocol = client.getSession().getProtocol();
            handshakes.computeIfAbsent(protocol, k -> new LongAdder()).increment();
            LOG.debug("TLS client {}: {} {}", peer, protocol, client.getSession().getCipherSuite());
            server.accept(new SocketTransport(client, true, "tls:" + peer), false);
        } catch (IOException e) {
            LOG.warn("TLS handshake with {} failed: {}", peer, e.getMessage());
            try {
                client.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(2000);
        } catch (IOException e) {
            LOG.debug("closing TLS listener: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
