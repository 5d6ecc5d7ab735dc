package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.rpc.internal.dispatch.ClientAuth;
import org.jvirt.rpc.internal.sasl.SaslSettings;
import org.jvirt.rpc.internal.server.ServerSettings.Auth;
import org.jvirt.rpc.internal.server.ServerSettings.TlsSettings;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Pki;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.RawClient;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * SASL on plain TCP as libvirtd does it by default (auth_tcp = "sasl"): real virsh and
 * python3-libvirt (cyrus-sasl's DIGEST-MD5 client with a security layer) against jvirtd, credentials
 * from a libvirt auth.conf; a wrong password is refused with libvirt's error, and nothing but the
 * auth procedures is served before authentication.
 */
class SaslTest {
    private Jvirtd jvirtd;
    private Path dir;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "alice = s3cret pass\nbob = other\n");
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
        jvirtd = new Jvirtd(s -> s.withAuth(Auth.NONE.withTcp(ClientAuth.SASL).withSasl(
                new SaslSettings(passwd, List.of("al*"), SaslSettings.DEFAULT_TCP_MIN_SSF, "jvirt"))));
    }

    @AfterEach
    void stop() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
    }

    /** A libvirt auth.conf with {@code user}/{@code password} for the server at 127.0.0.1. */
    private Map<String, String> authFile(String user, String password) throws Exception {
        Path f = dir.resolve("auth-" + user + "-" + password.hashCode() + ".conf");
        Files.writeString(f, "[credentials-jvirt]\nauthname=" + user + "\npassword=" + password + "\n\n"
                + "[auth-libvirt-127.0.0.1]\ncredentials=jvirt\n");
        return Map.of("LIBVIRT_AUTH_FILE", f.toString(), "LC_ALL", "C", "VIRSH_DEFAULT_CONNECT_URI", "");
    }

    private Proc.Result virsh(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-c", jvirtd.tcpUri()));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, env, 60);
    }

    @Test
    void virshWithTheRightPasswordIsServed() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh is not installed");
        Proc.Result r = virsh(authFile("alice", "s3cret pass"), "list", "--all");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(" test "), r.out());
        Proc.Result xml = virsh(authFile("alice", "s3cret pass"), "capabilities");
        assertEquals(0, xml.exit(), xml.toString());
        assertTrue(xml.out().contains("<capabilities>"), xml.out());
        // 300 KB each way: many SASL buffers from cyrus-sasl to the JDK and back
        String text = "y".repeat(300_000);
        Path big = dir.resolve("big.xml");
        Files.writeString(big, "<domain type='test'><name>big</name><description>" + text + "</description>"
                + "<memory>65536</memory><os><type>hvm</type></os></domain>");
        Proc.Result define = virsh(authFile("alice", "s3cret pass"), "define", big.toString());
        assertEquals(0, define.exit(), define.toString());
        Proc.Result dump = virsh(authFile("alice", "s3cret pass"), "dumpxml", "big");
        assertEquals(0, dump.exit(), dump.err());
        assertTrue(dump.out().contains(text), "the description came back whole");
    }

    @Test
    void virshWithAWrongPasswordIsRefused() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh is not installed");
        Proc.Result r = virsh(authFile("alice", "wrong"), "list", "--all");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("authentication failed"), r.err());
        Proc.Result unknown = virsh(authFile("mallory", "s3cret pass"), "list");
        assertEquals(1, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("authentication failed"), unknown.err());
        // bob is in the password file but not in sasl_allowed_username_list
        Proc.Result notAllowed = virsh(authFile("bob", "other"), "list");
        assertEquals(1, notAllowed.exit(), notAllowed.toString());
        assertTrue(notAllowed.err().contains("authentication failed"), notAllowed.err());
    }

    @Test
    void python3LibvirtAuthenticates() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "/usr/bin/python3 is needed");
        String script = "import libvirt, sys\n"
                + "def ask(creds, opaque):\n"
                + "    return -1  # everything must come from LIBVIRT_AUTH_FILE\n"
                + "try:\n"
                + "    c = libvirt.openAuth(sys.argv[1], [[libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE],"
                + " ask, None], 0)\n"
                + "    print(sorted(d.name() for d in c.listAllDomains()), c.isSecure(), c.isEncrypted())\n"
                + "except libvirt.libvirtError as e:\n"
                + "    print('error', e.get_error_code(), e.get_error_message())\n";
        Proc.Result ok = Proc.run(List.of("/usr/bin/python3", "-c", script, jvirtd.tcpUri()),
                authFile("alice", "s3cret pass"), 60);
        assertEquals("['test'] 1 1", ok.out().strip(), ok.toString());
        Proc.Result bad = Proc.run(List.of("/usr/bin/python3", "-c", script, jvirtd.tcpUri()),
                authFile("alice", "nope"), 60);
        assertTrue(bad.out().startsWith("error " + ErrorCode.AUTH_FAILED.number() + " authentication failed"),
                bad.toString());
    }

    @Test
    void saslOverTlsNeedsNoSecurityLayer() throws Exception {
        assumeTrue(Proc.available("virsh") && Pki.available(), "virsh, openssl and keytool are needed");
        Pki pki = new Pki(dir.resolve("pki"));
        Path clientPki = pki.client("client1");
        Path passwd = dir.resolve("passwd");
        try (Jvirtd tls = new Jvirtd(s -> s.withTls(new TlsSettings("127.0.0.1", 0, pki.store("server"), Pki.PASSWORD,
                pki.dir.resolve("trust.p12"), Pki.PASSWORD, List.of()))
                .withAuth(Auth.NONE.withTls(ClientAuth.SASL).withSasl(SaslSettings.of(passwd))))) {
            String uri = "test+tls://127.0.0.1:" + tls.server.tlsAddress().getPort() + "/default?pkipath=" + clientPki;
            Proc.Result ok = Proc.run(List.of("virsh", "-c", uri, "list", "--all"), authFile("alice", "s3cret pass"), 60);
            assertEquals(0, ok.exit(), ok.toString());
            assertTrue(ok.out().contains(" test "), ok.out());
            Proc.Result bad = Proc.run(List.of("virsh", "-c", uri, "list"), authFile("alice", "bad"), 60);
            assertEquals(1, bad.exit(), bad.toString());
            assertTrue(bad.err().contains("authentication failed"), bad.err());
            assertEquals(2L, tls.server.tlsHandshakes().get("TLSv1.3"));
            // jvirt's client: SASL without a layer inside TLS
            RemoteSettings withCert = RemoteSettings.defaults().withTls(pki.store("client1"), Pki.PASSWORD,
                    pki.dir.resolve("trust.p12"), Pki.PASSWORD);
            String javaUri = "test+tls://127.0.0.1:" + tls.server.tlsAddress().getPort() + "/default?authfile="
                    + authFile("alice", "s3cret pass").get("LIBVIRT_AUTH_FILE");
            try (Connection c = CoreConnectionFactory.forDriver(new RemoteDriver(withCert), "remote").open(javaUri, 0)) {
                assertEquals(1, c.lookupByName("test").id());
            }
        }
    }

    @Test
    void jvirtsRemoteDriverAuthenticatesWithTheAuthFile() throws Exception {
        CoreConnectionFactory core = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                "remote");
        String file = authFile("alice", "s3cret pass").get("LIBVIRT_AUTH_FILE");
        try (Connection c = core.open(jvirtd.tcpUri() + "?authfile=" + file, 0)) {
            assertEquals("test", c.lookupByName("test").name());
            String xml = c.capabilities();
            assertTrue(xml.contains("<capabilities>"), xml);
            for (int i = 0; i < 50; i++) {
                assertEquals(1, c.lookupByName("test").id());
            }
            // a definition of 300 KB: several SASL buffers each way (64 KiB each at most)
            String text = "x".repeat(300_000);
            c.defineXml("<domain type='test'><name>big</name><description>" + text + "</description>"
                    + "<memory>65536</memory><os><type>hvm</type></os></domain>", 0);
            assertTrue(c.lookupByName("big").xmlDesc(0).contains(text));
        }
        String wrong = authFile("alice", "wrong").get("LIBVIRT_AUTH_FILE");
        VirtException e = assertThrows(VirtException.class,
                () -> core.open(jvirtd.tcpUri() + "?authfile=" + wrong, 0).listAllDomains(0));
        assertEquals(ErrorCode.AUTH_FAILED, e.code(), e.getMessage());
        assertEquals("authentication failed: authentication failed", e.getMessage());
    }

    @Test
    void nothingButAuthIsServedBeforeAuthentication() throws Exception {
        try (RawClient c = new RawClient(jvirtd.tcp)) {
            c.call(Programs.REMOTE, RemoteProc.AUTH_LIST, 1, new byte[0]);
            Message list = c.read();
            assertEquals(MessageType.STATUS_OK, list.status());
            XdrReader types = list.payloadReader();
            assertEquals(1, types.readInt());
            assertEquals(ClientAuth.SASL, types.readInt());

            int serial = 2;
            for (int proc : new int[] {RemoteProc.CONNECT_OPEN, RemoteProc.CONNECT_LIST_ALL_DOMAINS,
                    RemoteProc.CONNECT_GET_HOSTNAME, RemoteProc.DOMAIN_DESTROY}) {
                byte[] args = proc == RemoteProc.CONNECT_OPEN ? new XdrWriter().writeOptString("test:///default")
                        .writeInt(0).toByteArray() : new byte[0];
                c.call(Programs.REMOTE, proc, serial, args);
                Message m = c.read();
                assertEquals(serial++, m.serial());
                assertEquals(MessageType.STATUS_ERROR, m.status(), "procedure " + proc);
                RemoteError e = RemoteError.decode(m.payloadReader());
                assertEquals(ErrorCode.RPC.number(), e.code(), e.toString());
                assertEquals("RPC error: authentication required", e.message(), e.toString());
            }
            // a SASL start without init, as libvirtd: authentication failed
            c.call(Programs.REMOTE, RemoteProc.AUTH_SASL_START, serial, new XdrWriter().writeString("DIGEST-MD5")
                    .writeInt(1).writeOpaque(new byte[0]).toByteArray());
            RemoteError e = RemoteError.decode(c.read().payloadReader());
            assertEquals(ErrorCode.AUTH_FAILED.number(), e.code(), e.toString());
            c.call(Programs.REMOTE, RemoteProc.AUTH_SASL_INIT, serial + 1, new byte[0]);
            Message init = c.read();
            assertEquals(MessageType.STATUS_OK, init.status());
            assertEquals("DIGEST-MD5", init.payloadReader().readString());
        }
    }
}
