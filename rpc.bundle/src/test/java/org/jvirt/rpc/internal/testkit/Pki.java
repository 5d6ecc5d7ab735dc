package org.jvirt.rpc.internal.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throw-away CA, a server certificate for 127.0.0.1 and client certificates, made with the
 * openssl command: PEM files in libvirt's pkipath layout for virsh, PKCS#12 stores for Java.
 */
public final class Pki {
    public static final char[] PASSWORD = "changeit".toCharArray();
    public final Path dir;

    public static boolean available() {
        return Proc.available("openssl") && Proc.available("keytool");
    }

    public Pki(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir);
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "cakey.pem", "-out", "cacert.pem", "-days", "2", "-subj", "/CN=jvirt test CA");
        issue("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
                + "keyUsage=digitalSignature,keyEncipherment\n");
        run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", "cacert.pem", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
    }

    /** Issues a client certificate with subject {@code /CN=name}: name.p12, and the PEM pair in dir/name/. */
    public Path client(String name) throws IOException, InterruptedException {
        issue(name, "/CN=" + name, "extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
        Path pki = dir.resolve(name);
        Files.createDirectories(pki);
        Files.copy(dir.resolve("cacert.pem"), pki.resolve("cacert.pem"));
        Files.copy(dir.resolve(name + "cert.pem"), pki.resolve("clientcert.pem"));
        Files.copy(dir.resolve(name + "key.pem"), pki.resolve("clientkey.pem"));
        return pki;
    }

    public Path store(String name) {
        return dir.resolve(name + ".p12");
    }

    private void issue(String name, String subject, String extensions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + "key.pem", "-out", name + ".csr", "-subj", subject);
        run("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "cacert.pem", "-CAkey", "cakey.pem",
                "-CAcreateserial", "-out", name + "cert.pem", "-days", "2", "-extfile", name + ".ext");
        run("openssl", "pkcs12", "-export", "-in", name + "cert.pem", "-inkey", name + "key.pem",
                "-certfile", "cacert.pem", "-out", name + ".p12", "-passout", "pass:" + new String(PASSWORD));
    }

    private void run(String... cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", dir.toString()));
        c.addAll(List.of(cmd));
        Proc.Result r = Proc.run(c, Map.of(), 60);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + r);
        }
    }
}
