package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh's {@code secret-*} commands against jvirtd, line by line against what the same virsh
 * printed against libvirtd 9.0's secret driver ({@code virsh/secrets.transcript}, recorded with
 * {@code virsh/record-secrets.sh} from {@code virsh/secrets.commands}): define, the duplicate usage
 * error, list with its filters, set and get value (refused for the private secret, and on the
 * read-only socket), dumpxml, undefine.
 */
class VirshSecretTest {
    private static final String[] FILES = {"secret-a.xml", "secret-b.xml", "secret-c.xml", "secret-value.bin"};

    @TempDir
    Path dir;
    private Jvirtd jvirtd;

    /** One recorded command: its line of secrets.commands and what virsh answered. */
    private record Step(String line, int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        jvirtd = new Jvirtd(Hosts.withSecrets(dir.resolve("state"), dir.resolve("keys/master.key")));
        for (String f : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/virsh/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
    }

    @Test
    void printsWhatVirshPrintsAgainstLibvirtd() throws Exception {
        List<Step> steps = transcript();
        assertEquals(24, steps.size()); // every line of secrets.commands
        for (Step s : steps) {
            boolean ro = s.line().startsWith("ro ");
            String command = (ro ? s.line().substring(3) : s.line()).replace("@DIR@", dir.toString());
            Result r = Proc.virsh(Hosts.secretUri(ro ? jvirtd.ro : jvirtd.rw), command.split(" "));
            String err = r.err().replace(dir.toString(), "@DIR@");
            assertEquals(s.exit() + "\n" + s.out() + "--- err\n" + s.err(),
                    r.exit() + "\n" + r.out() + "--- err\n" + err, s.line());
        }
        System.out.println("virsh secret-* against jvirtd: " + steps.size() + " commands as libvirtd 9.0 answers them");
    }

    @Test
    void theTestDriverHasNoSecretsAsInLibvirt() throws Exception {
        Result r = Proc.virsh(jvirtd.unixUri(), "secret-list");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("error: Failed to count secrets\n"
                + "error: this function is not supported by the connection driver: virConnectNumOfSecrets\n", r.err());
    }

    @Test
    void persistentSecretsSurviveARestartEncrypted() throws Exception {
        String uri = Hosts.secretUri(jvirtd.rw);
        assertEquals(0, Proc.virsh(uri, "secret-define", dir.resolve("secret-a.xml").toString()).exit());
        Result set = Proc.virsh(uri, "secret-set-value", "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f",
                "--file", dir.resolve("secret-value.bin").toString(), "--plain");
        assertEquals(0, set.exit(), set.toString());
        jvirtd.server.close();
        try (Jvirtd again = new Jvirtd(Hosts.withSecrets(dir.resolve("state"), dir.resolve("keys/master.key")))) {
            Result list = Proc.virsh(Hosts.secretUri(again.rw), "secret-list", "--private");
            assertEquals(true, list.out().contains("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f   volume /var/lib/jvirt/images/a.img"),
                    list.toString());
        }
        byte[] value = Files.readAllBytes(dir.resolve("secret-value.bin"));
        for (Path p : files(dir.resolve("state"))) {
            assertEquals(-1, indexOf(Files.readAllBytes(p), value), p + " holds the value in clear");
        }
    }

    private List<Step> transcript() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/virsh/secrets.transcript")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Step> steps = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.isEmpty()) {
                continue;
            }
            int nl = block.indexOf('\n');
            String line = block.substring(0, nl);
            String rest = block.substring(nl + 1);
            int exit = Integer.parseInt(rest.substring(3, rest.indexOf('\n')));
            int out = rest.indexOf("--- out\n") + 8;
            int err = rest.indexOf("--- err\n");
            steps.add(new Step(line, exit, rest.substring(out, err), rest.substring(err + 8)));
        }
        return steps;
    }

    private static List<Path> files(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
