package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virt:snapshot-* on the real core with the test driver, which keeps no snapshots yet: the commands
 * parse their arguments as virsh and report libvirt's "not supported" error naming the function.
 * (Their working path is exercised through jvirtd by rpc.bundle's VirshSnapshotTest.)
 */
class SnapshotCommandsTest {
    @TempDir
    Path dir;
    private SnapshotCommands commands;

    @BeforeEach
    void platform() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        core.addDriver(new TestDriver(new FileStateStore(dir.resolve("test")), new DomainXmlCodecImpl()),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        commands = new SnapshotCommands(core);
    }

    private String[] run(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = "test:///default";
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean ok = commands.run(command, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(ok), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aDriverWithoutSnapshotsAnswersLibvirtsNotSupported() {
        String p = "error: this function is not supported by the connection driver: ";
        String[] create = run("snapshot-create-as", "test", "s1", "a description");
        assertEquals("false", create[0]);
        assertEquals(p + "virDomainSnapshotCreateXML\n", create[2]);
        assertEquals(p + "virDomainListAllSnapshots\n", run("snapshot-list", "test", "--name")[2]);
        assertEquals(p + "virDomainSnapshotCurrent\n", run("snapshot-current", "test", "--name")[2]);
        assertEquals(p + "virDomainSnapshotLookupByName\n", run("snapshot-dumpxml", "test", "s1")[2]);
        assertEquals(p + "virDomainSnapshotLookupByName\n", run("snapshot-delete", "test", "s1")[2]);
        assertEquals("error: failed to get domain 'nosuch'\n", run("snapshot-revert", "nosuch", "s1")[2]);
    }

    @Test
    void theDocumentOfSnapshotCreateAsIsVirshs() {
        assertEquals("<domainsnapshot>\n  <name>a&amp;b</name>\n  <description>x &lt;y&gt;</description>\n"
                + "</domainsnapshot>\n", SnapshotCommands.createXml("a&b", "x <y>"));
        assertEquals("<domainsnapshot>\n</domainsnapshot>\n", SnapshotCommands.createXml(null, null));
    }
}
