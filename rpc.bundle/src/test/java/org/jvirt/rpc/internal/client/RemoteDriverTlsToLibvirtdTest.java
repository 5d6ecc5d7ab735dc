package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.testkit.Libvirtd;
import org.jvirt.rpc.internal.wire.Transport;
import org.jvirt.rpc.internal.testkit.Pki;

/** jvirt's remote driver (JSSE) against libvirtd's TLS listener (GnuTLS), with and without a client certificate. */
class RemoteDriverTlsToLibvirtdTest {

    @Test
    void tlsWithClientCertificateWorksWithoutIsRefused(@TempDir Path tmp) throws Exception {
        assumeTrue(Libvirtd.available() && Pki.available(), "libvirtd, openssl and keytool are needed");
        Pki pki = new Pki(tmp.resolve("pki"));
        pki.client("client1");
        try (Libvirtd libvirtd = new Libvirtd(pki)) {
            String uri = "test+tls://127.0.0.1:" + libvirtd.tlsPort + "/default";
            RemoteSettings withCert = RemoteSettings.defaults().withTls(pki.store("client1"), Pki.PASSWORD,
                    pki.dir.resolve("trust.p12"), Pki.PASSWORD);
            try (Connection c = CoreConnectionFactory.forDriver(new RemoteDriver(withCert), "remote").open(uri, 0)) {
                assertEquals(DomainState.RUNNING, c.lookupByName("test").state().state());
                assertEquals("TEST", c.type());
            }
            Transport t = new Transports(withCert).open(ConnectUri.parse(uri), 0);
            try {
                assertEquals("TLSv1.3", t.tlsProtocol());
            } finally {
                t.close();
            }
            RemoteSettings noCert = RemoteSettings.defaults().withTls(null, Pki.PASSWORD,
                    pki.dir.resolve("trust.p12"), Pki.PASSWORD);
            assertThrows(VirtException.class, () -> CoreConnectionFactory.forDriver(new RemoteDriver(noCert), "remote")
                    .open(uri, 0).listAllDomains(0));
        }
    }
}
