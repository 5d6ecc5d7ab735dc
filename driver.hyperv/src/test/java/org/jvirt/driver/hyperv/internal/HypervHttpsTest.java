package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * https (the default transport): a self-signed certificate (made by the JDK's keytool) is refused
 * unless {@code no_verify=1}, which then connects.
 */
class HypervHttpsTest {
    private static final char[] PASSWORD = "simulator".toCharArray();
    @TempDir
    static Path dir;
    private static WsmanSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("sim.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD),
                "-alias", "wsman", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        sim = WsmanSimulator.startHttps(store, PASSWORD);
        sim.addVm("web", 2, 1, 512);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static ConnectUri uri(String query) throws VirtException {
        return ConnectUri.parse("hyperv://" + WsmanSimulator.USER + "@127.0.0.1:" + sim.port() + "/" + query);
    }

    @Test
    void unverifiableCertificateIsRefused() {
        VirtException e = assertThrows(VirtException.class, () -> HypervTestSupport.driver().open(uri(""),
                new HypervTestSupport.Auth(WsmanSimulator.PASSWORD), 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: Transport error during enumeration: SSLHandshakeException"),
                e.getMessage());
    }

    @Test
    void noVerifyConnects() throws Exception {
        DriverConnection conn = HypervTestSupport.driver().open(uri("?no_verify=1"),
                new HypervTestSupport.Auth(WsmanSimulator.PASSWORD), 0).orElseThrow();
        assertEquals("web", conn.listAllDomains(0).get(0).name());
        conn.close();
    }
}
