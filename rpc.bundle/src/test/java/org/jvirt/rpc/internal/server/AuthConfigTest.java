package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvirt.rpc.internal.server.RpcServerComponentTest.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jvirt.rpc.internal.dispatch.ClientAuth;
import org.jvirt.rpc.internal.sasl.SaslSettings;

/** The authentication keys of PID org.jvirt.rpc: libvirtd's defaults, "none" only when said. */
class AuthConfigTest {
    private static final Path RUN = Path.of("run");

    @Test
    void libvirtdDefaultsSaslOnTcpNoneElsewhere() {
        ServerSettings s = ServerSettings.of(config(Map.of()), RUN);
        assertEquals(ClientAuth.SASL, s.authFor(false, false, false), "plain TCP");
        assertEquals(ClientAuth.NONE, s.authFor(false, false, true), "TLS");
        assertEquals(ClientAuth.NONE, s.authFor(true, false, false), "UNIX rw");
        assertEquals(ClientAuth.NONE, s.authFor(true, true, false), "UNIX ro");
        assertEquals(SaslSettings.DEFAULT_TCP_MIN_SSF, s.auth().sasl().tcpMinSsf());
        assertEquals(null, s.auth().sasl().passwdFile(), "no password file: SASL refuses everyone");
        assertEquals(s.auth(), ServerSettings.unix(Path.of("rw"), null).auth(), "the plain-Java default is the same");
    }

    @Test
    void explicitSettings() {
        ServerSettings s = ServerSettings.of(config(Map.of("auth_tcp", "none", "auth_tls", "sasl",
                "auth_unix_ro", "SASL", "sasl_passwd_file", "/etc/jvirt/passwd",
                "sasl_allowed_username_list", new String[] {"admin*"}, "tcp_min_ssf", 112)), RUN);
        assertEquals(ClientAuth.NONE, s.authFor(false, false, false));
        assertEquals(ClientAuth.SASL, s.authFor(false, false, true));
        assertEquals(ClientAuth.SASL, s.authFor(true, true, false));
        assertEquals(ClientAuth.NONE, s.authFor(true, false, false));
        assertEquals(Path.of("/etc/jvirt/passwd"), s.auth().sasl().passwdFile());
        assertEquals(List.of("admin*"), s.auth().sasl().allowedUsernames());
        assertEquals(112, s.auth().sasl().tcpMinSsf());
        assertTrue(s.auth().sasl().allows("admin2"));
        assertTrue(!s.auth().sasl().allows("root"));
    }

    @Test
    void unsupportedMethodsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.of(config(Map.of("auth_tcp", "polkit")), RUN));
        assertTrue(e.getMessage().startsWith("auth_tcp: unsupported authentication 'polkit'"), e.getMessage());
    }
}
