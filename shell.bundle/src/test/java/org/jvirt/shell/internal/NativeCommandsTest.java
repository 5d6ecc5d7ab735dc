package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virt:domxml-from-native and virt:domxml-to-native on the real core: the test driver has neither
 * conversion (as libvirt's), so both report libvirt's "not supported" error after reading the file.
 */
class NativeCommandsTest {
    @TempDir
    Path dir;
    private NativeCommands commands;

    @BeforeEach
    void platform() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        core.addDriver(new TestDriver(new FileStateStore(dir.resolve("test")), new DomainXmlCodecImpl()),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        commands = new NativeCommands(core);
        Files.writeString(dir.resolve("g.cfg"), "name = \"g\"\n");
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
    void theDriversAnswerReachesTheUser() {
        String[] from = run("domxml-from-native", "xen-xl", dir.resolve("g.cfg").toString());
        assertEquals("false", from[0]);
        assertEquals("error: this function is not supported by the connection driver: virConnectDomainXMLFromNative\n",
                from[2]);
        String[] to = run("domxml-to-native", "xen-xl", dir.resolve("g.cfg").toString());
        assertEquals("error: this function is not supported by the connection driver: virConnectDomainXMLToNative\n",
                to[2]);
    }

    @Test
    void missingFilesAndArgumentsAreVirshsErrors() {
        String[] missing = run("domxml-from-native", "xen-xl", dir.resolve("none.cfg").toString());
        assertTrue(missing[2].contains("Failed to open file '" + dir.resolve("none.cfg") + "': No such file or directory"),
                missing[2]);
        String[] noConfig = run("domxml-from-native", "xen-xl");
        assertFalse(Boolean.parseBoolean(noConfig[0]));
        assertTrue(noConfig[2].startsWith("error: "), noConfig[2]);
        String[] unknown = run("domxml-sideways", "x");
        assertEquals("error: unknown command: 'domxml-sideways'\n", unknown[2]);
    }
}
