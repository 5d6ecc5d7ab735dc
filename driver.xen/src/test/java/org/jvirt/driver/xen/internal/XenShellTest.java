package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.shell.internal.DefinitionCommands;
import org.jvirt.shell.internal.InfoCommands;
import org.jvirt.shell.internal.LifecycleCommands;
import org.jvirt.shell.internal.ListCommands;
import org.jvirt.shell.internal.ResizeCommands;

/**
 * The {@code virt:*} commands (shell.bundle, generic over the Java API) on {@code xen:///system},
 * with the xl stand-in of {@link XenLifecycleTest}. The commands print to the process's standard
 * streams, as Gogo gives them; the test captures those.
 */
class XenShellTest {
    private static final String URI = "xen:///system";

    @TempDir
    Path dir;

    @Test
    void virtCommandsManageAXenDomain() throws Exception {
        Path xml = dir.resolve("pv1.xml");
        Files.writeString(xml, XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1));
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), XenApiTest.fakeXl(dir).toString(), 60_000)) {
            CoreConnectionFactory core = CoreConnectionFactory.forDriver(bed.driver(), "xen");
            DefinitionCommands defs = new DefinitionCommands(core);
            LifecycleCommands life = new LifecycleCommands(core);
            InfoCommands info = new InfoCommands(core);
            ResizeCommands resize = new ResizeCommands(core);
            ListCommands list = new ListCommands(core);
            assertEquals("Domain 'pv1' defined from " + xml, out(a -> defs.define(a), xml.toString()).strip());
            assertEquals("Domain 'pv1' started", out(a -> life.start(a), "pv1").strip());
            assertTrue(out(a -> list.list(a)).contains(" 1    pv1    running"));
            String dominfo = out(a -> info.dominfo(a), "pv1");
            assertTrue(dominfo.contains("State:          running") && dominfo.contains("CPU(s):         2"), dominfo);
            assertTrue(out(a -> info.vcpuinfo(a), "pv1").contains("CPU Affinity:   yyyy"));
            out(a -> resize.setmem(a), "pv1", "131072");
            assertTrue(out(a -> info.dominfo(a), "pv1").contains("Used memory:    131072 KiB"));
            assertEquals("Domain 'pv1' suspended", out(a -> life.suspend(a), "pv1").strip());
            assertEquals("paused", out(a -> info.domstate(a), "pv1").strip());
            assertEquals("Domain 'pv1' resumed", out(a -> life.resume(a), "pv1").strip());
            assertEquals("Domain 'pv1' destroyed", out(a -> life.destroy(a), "pv1").strip());
            assertEquals("Domain 'pv1' has been undefined", out(a -> defs.undefine(a), "pv1").strip());
        }
    }

    /** Runs one command with {@code -c xen:///system ARGS}, answering what it printed on stdout. */
    private static String out(Consumer<String[]> command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = URI;
        System.arraycopy(args, 0, all, 2, args.length);
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            command.accept(all);
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
