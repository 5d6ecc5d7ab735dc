package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * NTLM against the simulator's MS-NLMP server side, over http and https, under WinRM's scheme name
 * ({@code Negotiate}) and the plain one ({@code NTLM}); Basic alongside; a wrong password refused
 * with an authentication error.
 */
class NtlmAuthTest {
    @TempDir
    static Path dir;
    private static WsmanSimulator http;
    private static WsmanSimulator https;

    @BeforeAll
    static void start() throws Exception {
        http = WsmanSimulator.start();
        https = WsmanSimulator.startHttps(TestKeys.selfSigned(dir), TestKeys.PASSWORD);
        for (WsmanSimulator sim : List.of(http, https)) {
            sim.addVm("web", 2, 1, 512);
            sim.addVm("db", 3, 1, 512);
        }
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (https != null) {
            https.close();
        }
    }

    private static ConnectUri uri(WsmanSimulator sim, String user) throws VirtException {
        return ConnectUri.parse("hyperv://" + user + "@127.0.0.1:" + sim.port() + "/"
                + (sim == http ? "?transport=http" : "?no_verify=1"));
    }

    private static List<String> names(WsmanSimulator sim, String user, String password) throws VirtException {
        DriverConnection conn = HypervTestSupport.driver().open(uri(sim, user), new HypervTestSupport.Auth(password), 0)
                .orElseThrow();
        try {
            return conn.listAllDomains(0).stream().map(DomainRef::name).sorted().toList();
        } finally {
            conn.close();
        }
    }

    @Test
    void negotiateWithTheRightPasswordConnectsOverHttpAndHttps() throws Exception {
        for (WsmanSimulator sim : List.of(http, https)) {
            sim.offerAuth("Negotiate");
            int before = sim.requests();
            int logins = sim.ntlmLogins();
            assertEquals(List.of("db", "web"), names(sim, WsmanSimulator.USER, WsmanSimulator.PASSWORD));
            // the open's host check and the list's query, each counted once: the NTLM handshake's
            // 401s are not requests served
            assertEquals(2, sim.requests() - before);
            // one handshake: the authenticated connection is kept for the second request
            assertEquals(1, sim.ntlmLogins() - logins);
        }
    }

    @Test
    void plainNtlmSchemeAndADomainUserConnect() throws Exception {
        http.offerAuth("NTLM");
        int logins = http.ntlmLogins();
        assertEquals(List.of("db", "web"), names(http, WsmanSimulator.USER, WsmanSimulator.PASSWORD));
        assertEquals(1, http.ntlmLogins() - logins);
        // DOMAIN\\user: the domain goes into the NTLMv2 hash (MS-NLMP's UserDom) and still verifies
        assertEquals(List.of("db", "web"), names(http, "SIM%5C" + WsmanSimulator.USER, WsmanSimulator.PASSWORD));
    }

    @Test
    void wrongPasswordIsRefusedOverHttpAndHttps() throws Exception {
        for (WsmanSimulator sim : List.of(http, https)) {
            sim.offerAuth("Negotiate");
            VirtException e = assertThrows(VirtException.class, () -> names(sim, WsmanSimulator.USER, "Passw0rd?"));
            assertEquals(ErrorCode.AUTH_FAILED, e.code());
            assertTrue(e.getMessage().contains("refused the user name or password (HTTP 401 during enumeration)"),
                    e.getMessage());
        }
    }

    @Test
    void wrongUserIsRefused() {
        http.offerAuth("NTLM");
        VirtException e = assertThrows(VirtException.class, () -> names(http, "guest", WsmanSimulator.PASSWORD));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
    }

    @Test
    void basicStillWorksAndNtlmIsPreferredWhenBothAreOffered() throws Exception {
        http.offerAuth("Basic");
        assertEquals(List.of("db", "web"), names(http, WsmanSimulator.USER, WsmanSimulator.PASSWORD));
        http.offerAuth("Negotiate", "Basic");
        int logins = http.ntlmLogins();
        assertEquals(List.of("db", "web"), names(http, WsmanSimulator.USER, WsmanSimulator.PASSWORD));
        // NTLM is preferred when both are offered (the password is not sent in the clear)
        assertEquals(1, http.ntlmLogins() - logins);
    }
}
