package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A self-signed key and certificate for 127.0.0.1, made by the JDK's keytool (the simulator's https). */
final class TestKeys {
    static final char[] PASSWORD = "simulator".toCharArray();

    private TestKeys() {
    }

    static Path selfSigned(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("sim.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD),
                "-alias", "wsman", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return store;
    }
}
