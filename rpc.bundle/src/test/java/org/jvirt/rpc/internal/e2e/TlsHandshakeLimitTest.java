package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.rpc.internal.server.ServerSettings.Limits;
import org.jvirt.rpc.internal.server.ServerSettings.TlsSettings;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Pki;

/**
 * max_anonymous_clients: clients that connect to the TLS port and never finish their handshake
 * hold at most that many slots; while they do, the next client waits in the backlog (libvirtd
 * suspends accepting the same way) and is served as soon as one of them goes.
 */
class TlsHandshakeLimitTest {

    @Test
    void silentTlsClientsHoldAtMostMaxAnonymousClientsSlots(@TempDir Path tmp) throws Exception {
        assumeTrue(Pki.available(), "openssl and keytool are needed to make certificates");
        Pki pki = new Pki(tmp.resolve("pki"));
        pki.client("client1");
        Limits two = new Limits(100, 10, 2, 1, 4, 1, 5, 100);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Jvirtd d = new Jvirtd(s -> s.withTls(new TlsSettings("127.0.0.1", 0, pki.store("server"), Pki.PASSWORD,
                pki.dir.resolve("trust.p12"), Pki.PASSWORD, List.of("CN=client1"))).withLimits(two))) {
            int port = d.server.tlsAddress().getPort();
            String uri = "test+tls://127.0.0.1:" + port + "/default";
            RemoteSettings rs = RemoteSettings.defaults().withTls(pki.store("client1"), Pki.PASSWORD,
                    pki.dir.resolve("trust.p12"), Pki.PASSWORD);
            // a first client is served and gives its slot back (and warms up TLS in this JVM, so the
            // wait below is the server's doing, not a slow first handshake)
            for (int i = 0; i < 3; i++) {
                try (Connection c = CoreConnectionFactory.forDriver(new RemoteDriver(rs), "remote").open(uri, 0)) {
                    assertEquals("test", c.lookupByName("test").name());
                }
            }
            try (Socket silent1 = new Socket("127.0.0.1", port); Socket silent2 = new Socket("127.0.0.1", port)) {
                Thread.sleep(300);   // both accepted, their handshakes waiting for a ClientHello
                Future<String> served = pool.submit(() -> {
                    try (Connection c = CoreConnectionFactory.forDriver(new RemoteDriver(rs), "remote").open(uri, 0)) {
                        return c.lookupByName("test").name();
                    }
                });
                assertThrows(TimeoutException.class, () -> served.get(2500, TimeUnit.MILLISECONDS),
                        "both anonymous slots are taken: the third client waits");
                silent1.close();
                assertEquals("test", served.get(10, TimeUnit.SECONDS), "served once a slot is free");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
