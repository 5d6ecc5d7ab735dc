package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.secret.internal.SecretDriverComponent;
import org.jvirt.secret.internal.SecretHypervisorDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virt:secret-* on the real core and secret driver. The expected texts are what virsh 9.0 printed
 * for the same commands against libvirtd 9.0's secret driver (rpc.bundle's virsh/secrets.transcript).
 */
class SecretCommandsTest {
    private static final String A = "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f";
    private static final String B = "5b0e57f2-93c4-4b5c-9d4c-0a1b2c3d4e5f";

    @TempDir
    Path dir;
    private SecretCommands commands;
    private String uri;

    @BeforeEach
    void platform() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        core.addDriver(new TestDriver(new FileStateStore(dir.resolve("test")), codec),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        core.addDriver(new SecretHypervisorDriver(), Map.of(HypervisorDriver.SCHEMES, new String[] {"secret"}));
        core.bindSecretDriver(new SecretDriverComponent(new FileStateStore(dir.resolve("state")), codec,
                dir.resolve("master.key")));
        commands = new SecretCommands(core);
        uri = "secret:///" + (HostDirectories.isRoot() ? "system" : "session");
        Files.writeString(dir.resolve("a.xml"), "<secret ephemeral='no' private='yes'>\n"
                + "  <description>LUKS passphrase of a.img</description>\n  <uuid>" + A + "</uuid>\n"
                + "  <usage type='volume'><volume>/var/lib/jvirt/images/a.img</volume></usage>\n</secret>\n");
        Files.writeString(dir.resolve("b.xml"), "<secret ephemeral='yes' private='no'>\n  <uuid>" + B + "</uuid>\n"
                + "  <usage type='ceph'><name>client.admin secret</name></usage>\n</secret>\n");
        Files.writeString(dir.resolve("c.xml"), "<secret>\n  <uuid>6b0e57f2-93c4-4b5c-9d4c-0a1b2c3d4e5f</uuid>\n"
                + "  <usage type='ceph'><name>client.admin secret</name></usage>\n</secret>\n");
        Files.write(dir.resolve("value.bin"), "pass\0word".getBytes(StandardCharsets.US_ASCII));
    }

    private String[] run(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = uri;
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commands.run(command, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsWhatVirshPrints() {
        assertArrayEquals(new String[] {"Secret " + A + " created\n\n", ""}, run("secret-define", dir.resolve("a.xml").toString()));
        assertArrayEquals(new String[] {"Secret " + B + " created\n\n", ""}, run("secret-define", dir.resolve("b.xml").toString()));
        assertArrayEquals(new String[] {"\n", "error: Failed to set attributes from " + dir.resolve("c.xml") + "\n"
                + "error: internal error: a secret with UUID " + B + " already defined for use with client.admin secret\n"},
                run("secret-define", dir.resolve("c.xml").toString()));
        assertArrayEquals(new String[] {" UUID                                   Usage\n"
                + "----------------------------------------------------------------------------\n"
                + " " + A + "   volume /var/lib/jvirt/images/a.img\n"
                + " " + B + "   ceph client.admin secret\n\n", ""}, run("secret-list"));
        assertArrayEquals(new String[] {" UUID                                   Usage\n"
                + "------------------------------------------------------------------\n"
                + " " + B + "   ceph client.admin secret\n\n", ""}, run("secret-list", "--ephemeral"));
        assertArrayEquals(new String[] {"Secret value set\n\n", "error: Passing secret value as command-line argument is insecure!\n"},
                run("secret-set-value", A, "--base64", "c2VjcmV0"));
        assertArrayEquals(new String[] {"\n", "error: Invalid secret: secret is private\n"}, run("secret-get-value", A));
        assertArrayEquals(new String[] {"Secret value set\n\n", ""},
                run("secret-set-value", B, "--file", dir.resolve("value.bin").toString(), "--plain"));
        assertArrayEquals(new String[] {"cGFzcwB3b3Jk\n", ""}, run("secret-get-value", B));
        assertArrayEquals(new String[] {"<secret ephemeral='yes' private='no'>\n  <uuid>" + B + "</uuid>\n"
                + "  <usage type='ceph'>\n    <name>client.admin secret</name>\n  </usage>\n</secret>\n\n", ""},
                run("secret-dumpxml", B));
        assertArrayEquals(new String[] {"\n", "error: failed to get secret 'nonsense'\n"
                + "error: uuidstr in virSecretLookupByUUIDString must be a valid UUID\n"}, run("secret-dumpxml", "nonsense"));
        assertArrayEquals(new String[] {"Secret " + B + " deleted\n\n", ""}, run("secret-undefine", B));
        assertArrayEquals(new String[] {"\n", "error: failed to get secret '" + B + "'\n"
                + "error: Secret not found: no secret with matching uuid '" + B + "'\n"}, run("secret-undefine", B));
    }

    @Test
    void theTestDriverHasNone() {
        uri = "test:///default";
        assertArrayEquals(new String[] {"\n", "error: Failed to count secrets\n"
                + "error: this function is not supported by the connection driver: virConnectNumOfSecrets\n"},
                run("secret-list"));
    }

    @Test
    void unknownCommand() {
        assertEquals("error: unknown command: 'secret-nope'\n", run("secret-nope")[1]);
    }
}
