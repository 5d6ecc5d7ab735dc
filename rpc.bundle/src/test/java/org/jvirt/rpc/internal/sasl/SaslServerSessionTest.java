package org.jvirt.rpc.internal.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.RealmChoiceCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.sasl.SaslServerSession.AuthException;
import org.jvirt.rpc.internal.sasl.SaslServerSession.Step;
import org.jvirt.rpc.internal.wire.SecurityLayer;

/** The server's DIGEST-MD5 login against the JDK's client, in memory: libvirtd's checks. */
class SaslServerSessionTest {
    private Path passwd;

    @BeforeEach
    void passwords(@TempDir Path tmp) throws Exception {
        passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "alice = secret\nbob = other\n");
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
    }

    private static SaslClient client(String user, String password, String qop) throws Exception {
        return Sasl.createSaslClient(new String[] {"DIGEST-MD5"}, null, "libvirt", "127.0.0.1",
                Map.of(Sasl.QOP, qop), callbacks -> {
                    for (Callback c : callbacks) {
                        if (c instanceof NameCallback n) {
                            n.setName(user);
                        } else if (c instanceof PasswordCallback p) {
                            p.setPassword(password.toCharArray());
                        } else if (c instanceof RealmChoiceCallback rc) {
                            rc.setSelectedIndex(0);
                        } else if (c instanceof RealmCallback r) {
                            r.setText(r.getDefaultText());
                        }
                    }
                });
    }

    /** Runs the exchange as AUTH_SASL_START/STEP would; the last server step, or the failure. */
    private static Step login(SaslServerSession server, SaslClient client) throws Exception {
        Step s = server.start("DIGEST-MD5", null);
        while (!s.complete()) {
            s = server.step(client.evaluateChallenge(s.data()));
        }
        client.evaluateChallenge(s.data());   // rspauth: the client checks the server
        assertTrue(client.isComplete());
        return s;
    }

    @Test
    void rightPasswordOnPlainTcpNegotiatesALayerThatProtectsBothWays() throws Exception {
        SaslServerSession server = new SaslServerSession(SaslSettings.of(passwd), false);
        SaslClient client = client("alice", "secret", "auth-conf");
        login(server, client);
        assertEquals("alice", server.identity());
        assertTrue(server.ssf() >= 56, "ssf " + server.ssf());
        SecurityLayer layer = server.layer();
        assertNotNull(layer);
        byte[] hello = "hello through the layer".getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = client.wrap(hello, 0, hello.length);
        assertArrayEquals(hello, layer.unwrap(wrapped, 0, wrapped.length));
        byte[] back = layer.wrap(hello, 0, hello.length);
        assertArrayEquals(hello, client.unwrap(back, 0, back.length));
    }

    @Test
    void plainTcpWithoutALayerIsRefused() throws Exception {
        SaslServerSession server = new SaslServerSession(SaslSettings.of(passwd), false);
        // the server offers auth-conf only: a client that wants no layer finds no common QOP
        assertThrows(Exception.class, () -> login(server, client("alice", "secret", "auth")));
    }

    @Test
    void secureTransportsNeedNoLayer() throws Exception {
        SaslServerSession server = new SaslServerSession(SaslSettings.of(passwd), true);
        login(server, client("alice", "secret", "auth"));
        assertEquals(0, server.ssf());
        assertNull(server.layer());
    }

    @Test
    void wrongPasswordUnknownUserAndUserNotAllowedFail() throws Exception {
        AuthException wrong = assertThrows(AuthException.class,
                () -> login(new SaslServerSession(SaslSettings.of(passwd), false), client("alice", "nope", "auth-conf")));
        assertTrue(wrong.getMessage().contains("DIGEST-MD5"), wrong.getMessage());
        AuthException unknown = assertThrows(AuthException.class, () -> login(
                new SaslServerSession(SaslSettings.of(passwd), false), client("carol", "secret", "auth-conf")));
        assertTrue(unknown.getMessage().contains("'carol' is not in"), unknown.getMessage());
        SaslSettings onlyAl = new SaslSettings(passwd, List.of("al?ce"), 56, "jvirt");
        AuthException denied = assertThrows(AuthException.class,
                () -> login(new SaslServerSession(onlyAl, false), client("bob", "other", "auth-conf")));
        assertTrue(denied.getMessage().contains("sasl_allowed_username_list"), denied.getMessage());
        login(new SaslServerSession(onlyAl, false), client("alice", "secret", "auth-conf"));
    }

    @Test
    void aMinimumAboveTheLayerIsRefused() throws Exception {
        SaslSettings strict = new SaslSettings(passwd, List.of(), 256, "jvirt");
        AuthException weak = assertThrows(AuthException.class,
                () -> login(new SaslServerSession(strict, false), client("alice", "secret", "auth-conf")));
        assertTrue(weak.getMessage().startsWith("negotiated SSF"), weak.getMessage());
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-r--r--"));
        AuthException e = assertThrows(AuthException.class,
                () -> login(new SaslServerSession(SaslSettings.of(passwd), false), client("alice", "secret", "auth-conf")));
        assertTrue(e.getMessage().contains("mode must be 0600"), e.getMessage());
    }

    @Test
    void onlyDigestMd5IsOffered() {
        SaslServerSession server = new SaslServerSession(SaslSettings.of(passwd), false);
        assertEquals("DIGEST-MD5", server.mechanisms());
        assertThrows(AuthException.class, () -> server.start("PLAIN", new byte[0]));
    }
}
