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

import org.jvirt.api.Domain;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on the real core and the real test driver (without OSGi). The expected texts are
 * what virsh 9.0 prints for the same commands on libvirt's test:///default, stdout and stderr.
 */
class CommandsOnTestDriverTest {
    private static final String UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

    @TempDir
    Path dir;
    private CoreConnectionFactory core;
    private TestDriver driver;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void platform() throws Exception {
        core = new CoreConnectionFactory(Duration.ofSeconds(1));
        driver = new TestDriver(new FileStateStore(dir.resolve("state")), new DomainXmlCodecImpl());
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
    }

    @AfterEach
    void stop() {
        core.removeDriver(driver);

    }

    /** Runs one command; returns {stdout, stderr} and clears them. */
    private String[] run(CommandSpec spec, CommandRunner.Action action, String... args) {
        new CommandRunner(core).run(spec, args, action, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] result = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        out.reset();
        err.reset();
        return result;
    }

    @Test
    void lifecycleMessagesAndErrors() {
        assertEquals("Domain 'test' destroyed\n\n", run(LifecycleCommands.DESTROY,
                c -> LifecycleCommands.act(c, "destroy", "destroyed", d -> d.destroy(0)), "test")[0]);
        String[] again = run(LifecycleCommands.DESTROY,
                c -> LifecycleCommands.act(c, "destroy", "destroyed", d -> d.destroy(0)), "test");
        assertEquals("\n", again[0]);
        assertEquals("error: Failed to destroy domain 'test'\n"
                + "error: Requested operation is not valid: domain is not running\n", again[1]);
        assertEquals("shut off (destroyed)\n\n", run(InfoCommands.DOMSTATE, InfoCommands::domstate, "test", "--reason")[0]);
        assertEquals(" Id   Name   State\n-----------------------\n -    test   shut off\n\n",
                run(ListCommands.LIST, ListCommands::list, "--all")[0]);
        assertEquals(" Id   Name   State\n--------------------\n\n", run(ListCommands.LIST, ListCommands::list)[0]);

        // start takes a name or a UUID and names the domain by its name
        assertEquals("Domain 'test' started\n\n", run(LifecycleCommands.START, LifecycleCommands::start, UUID)[0]);
        String[] twice = run(LifecycleCommands.START, LifecycleCommands::start, "test");
        assertEquals("error: Domain is already active\n", twice[1]);
        // the other commands name it as written: here by its new ID
        assertEquals("Domain '2' suspended\n\n", run(LifecycleCommands.SUSPEND,
                c -> LifecycleCommands.act(c, "suspend", "suspended", Domain::suspend), "2")[0]);
        assertEquals("paused (user)\n\n", run(InfoCommands.DOMSTATE, InfoCommands::domstate, "test", "--reason")[0]);
        assertEquals("Domain 'test' resumed\n\n", run(LifecycleCommands.RESUME,
                c -> LifecycleCommands.act(c, "resume", "resumed", Domain::resume), "test")[0]);
        assertEquals("running (unpaused)\n\n", run(InfoCommands.DOMSTATE, InfoCommands::domstate, "test", "--reason")[0]);
    }

    /** Real virsh on test:///default prints the same lines. */
    @Test
    void resetLikeVirsh() {
        String before = run(InfoCommands.DOMSTATE, InfoCommands::domstate, "test", "--reason")[0];
        assertEquals("Domain 'test' was reset\n\n", run(LifecycleCommands.RESET, LifecycleCommands::reset, "test")[0]);
        assertEquals(before, run(InfoCommands.DOMSTATE, InfoCommands::domstate, "test", "--reason")[0]);
        assertTrue(before.startsWith("running"), before);
        run(LifecycleCommands.DESTROY, c -> LifecycleCommands.act(c, "destroy", "destroyed", d -> d.destroy(0)), "test");
        String[] off = run(LifecycleCommands.RESET, LifecycleCommands::reset, "test");
        assertEquals("\n", off[0]);
        assertEquals("error: Failed to reset domain 'test'\n"
                + "error: Requested operation is not valid: domain is not running\n", off[1]);
    }

    @Test
    void missingDomainLikeVirsh() {
        Map<CommandSpec, CommandRunner.Action> commands = Map.of(InfoCommands.DOMINFO, InfoCommands::dominfo,
                InfoCommands.VCPUINFO, InfoCommands::vcpuinfo, InfoCommands.DUMPXML, InfoCommands::dumpxml,
                InfoCommands.DOMSTATE, InfoCommands::domstate, LifecycleCommands.START, LifecycleCommands::start);
        for (Map.Entry<CommandSpec, CommandRunner.Action> e : commands.entrySet()) {
            CommandSpec spec = e.getKey();
            String[] r = run(spec, e.getValue(), "nosuch");
            assertEquals("\n", r[0], spec.name());
            assertEquals("error: failed to get domain 'nosuch'\n", r[1], spec.name());
        }
    }

    @Test
    void dominfoByIdNameAndUuid() {
        String[] byId = run(InfoCommands.DOMINFO, InfoCommands::dominfo, "1");
        String[] byUuid = run(InfoCommands.DOMINFO, InfoCommands::dominfo, UUID);
        String[] byName = run(InfoCommands.DOMINFO, InfoCommands::dominfo, "test");
        assertTrue(byName[0].startsWith("Id:             1\nName:           test\nUUID:           " + UUID
                + "\nOS Type:        linux\nState:          running\nCPU(s):         2\nCPU time:       "), byName[0]);
        assertTrue(byName[0].endsWith("Max memory:     8388608 KiB\nUsed memory:    2097152 KiB\n"
                + "Persistent:     yes\nAutostart:      disable\nManaged save:   no\n"
                + "Security model: testSecurity\nSecurity DOI:   \nSecurity label: libvirt-test (enforcing)\n\n"),
                byName[0]);
        // the CPU time moves on; everything else is the same whichever way the domain was named
        String cpuTime = "(?m)^CPU time:.*$";
        assertEquals(byName[0].replaceAll(cpuTime, ""), byId[0].replaceAll(cpuTime, ""));
        assertEquals(byName[0].replaceAll(cpuTime, ""), byUuid[0].replaceAll(cpuTime, ""));
    }

    @Test
    void listVariants() {
        assertEquals("test\n\n", run(ListCommands.LIST, ListCommands::list, "--all", "--name")[0]);
        assertEquals(UUID + "\n\n", run(ListCommands.LIST, ListCommands::list, "--uuid")[0]);
        assertEquals("1\n\n", run(ListCommands.LIST, ListCommands::list, "--id")[0]);
        String[] both = run(ListCommands.LIST, ListCommands::list, "--table", "--name");
        assertEquals("error: Options --table and --name are mutually exclusive\n", both[1]);
    }

    @Test
    void vcpuinfoOfARunningAndAShutOffDomain() {
        String running = run(InfoCommands.VCPUINFO, InfoCommands::vcpuinfo, "test")[0];
        assertTrue(running.startsWith("VCPU:           0\nCPU:            "), running);
        assertTrue(running.contains("\n\nVCPU:           1\n"), running);
        run(LifecycleCommands.DESTROY, c -> LifecycleCommands.act(c, "destroy", "destroyed", d -> d.destroy(0)), "test");
        String off = run(InfoCommands.VCPUINFO, InfoCommands::vcpuinfo, "test")[0];
        assertTrue(off.startsWith("VCPU:           0\nCPU:            N/A\nState:          N/A\nCPU time        N/A\n"
                + "CPU Affinity:   "), off);
    }

    @Test
    void defineUndefineAndDumpxml() throws Exception {
        Path xml = Files.writeString(dir.resolve("x.xml"),
                "<domain type='test'><name>x</name><memory>1024</memory><os><type>hvm</type></os></domain>");
        assertEquals("Domain 'x' defined from " + xml + "\n\n",
                run(DefinitionCommands.DEFINE, DefinitionCommands::define, xml.toString())[0]);
        String dump = run(InfoCommands.DUMPXML, InfoCommands::dumpxml, "x", "--inactive")[0];
        assertTrue(dump.startsWith("<domain type='test'>\n  <name>x</name>\n"), dump);
        assertTrue(dump.endsWith("</domain>\n\n"), dump);
        assertEquals("Domain 'x' has been undefined\n\n", run(DefinitionCommands.UNDEFINE,
                c -> LifecycleCommands.act(c, "undefine", "has been undefined", d -> d.undefine(0)), "x")[0]);
        String[] bad = run(DefinitionCommands.DEFINE, DefinitionCommands::define,
                Files.writeString(dir.resolve("bad.xml"), "<domain").toString());
        assertTrue(bad[1].startsWith("error: Failed to define domain from " + dir.resolve("bad.xml") + "\nerror: "),
                bad[1]);
        assertFalse(run(ListCommands.LIST, ListCommands::list, "--all", "--name")[0].contains("x\n"));
    }
}
