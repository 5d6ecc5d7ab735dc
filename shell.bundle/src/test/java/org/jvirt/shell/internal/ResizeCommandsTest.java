package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
 * setmem, setmaxmem, dommemstat, setvcpus and vcpucount on the real core and test driver; the
 * expected texts are what virsh 9.0 prints for the same commands on libvirt's test:///default.
 */
class ResizeCommandsTest {
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

    private String[] run(CommandSpec spec, CommandRunner.Action action, String... args) {
        new CommandRunner(core).run(spec, args, action, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] result = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        out.reset();
        err.reset();
        return result;
    }

    @Test
    void aSessionPrintsWhatVirshPrints() {
        assertEquals("\n", run(ResizeCommands.SETVCPUS, ResizeCommands::setvcpus, "test", "1")[0]);
        assertEquals("maximum      config         2\nmaximum      live           2\n"
                + "current      config         2\ncurrent      live           1\n\n",
                run(ResizeCommands.VCPUCOUNT, ResizeCommands::vcpucount, "test")[0]);
        assertEquals("1\n\n", run(ResizeCommands.VCPUCOUNT, ResizeCommands::vcpucount, "test", "--live")[0]);
        assertEquals("2\n\n", run(ResizeCommands.VCPUCOUNT, ResizeCommands::vcpucount, "test", "--maximum",
                "--config")[0]);
        assertEquals("\n", run(ResizeCommands.SETMEM, ResizeCommands::setmem, "test", "512M", "--config")[0]);
        assertEquals("\n", run(ResizeCommands.SETMEM, ResizeCommands::setmem, "test", "1024")[0]);
        assertEquals("actual 1024\nswap_in 0\nswap_out 0\nmajor_fault 0\nminor_fault 0\nunused 512\n"
                + "available 1024\nusable 512\nlast_update 627319920\ndisk_caches 128\nhugetlb_pgalloc 0\n"
                + "hugetlb_pgfail 0\nrss 512\n\n", run(ResizeCommands.DOMMEMSTAT, ResizeCommands::dommemstat, "test")[0]);
        assertEquals("error: Unable to change MaxMemorySize\nerror: Requested operation is not valid: cannot resize "
                + "the maximum memory on an active domain\n",
                run(ResizeCommands.SETMAXMEM, ResizeCommands::setmaxmem, "test", "4096")[1]);
        assertEquals("error: Option --config is required by option --maximum\n",
                run(ResizeCommands.SETVCPUS, ResizeCommands::setvcpus, "test", "3", "--maximum")[1]);
        assertEquals("error: Can't set 0 processors for a VM\n",
                run(ResizeCommands.SETVCPUS, ResizeCommands::setvcpus, "test", "0")[1]);
        assertEquals("error: Invalid collection period value '-1'\n",
                run(ResizeCommands.DOMMEMSTAT, ResizeCommands::dommemstat, "test", "--period", "-1")[1]);
        assertEquals("\n", run(ResizeCommands.DOMMEMSTAT, ResizeCommands::dommemstat, "test", "--period", "2")[0]);
        assertEquals("error: Failed to retrieve vCPU count from the guest\n"
                + "error: unsupported flags (0x8) in function testDomainGetVcpusFlags\n",
                run(ResizeCommands.VCPUCOUNT, ResizeCommands::vcpucount, "test", "--guest")[1]);
        assertEquals("error: Options --current and --live are mutually exclusive\n",
                run(ResizeCommands.SETVCPUS, ResizeCommands::setvcpus, "test", "1", "--live", "--current")[1]);
        assertEquals("error: Scaled numeric value '1.5G' for <size> option is malformed or out of range\n"
                + "error: invalid argument: unknown suffix '.5G'\n",
                run(ResizeCommands.SETMEM, ResizeCommands::setmem, "test", "1.5G")[1]);
        assertEquals("error: invalid argument: cannot set memory higher than max memory\n",
                run(ResizeCommands.SETMEM, ResizeCommands::setmem, "test", "5E")[1]);
    }

    @Test
    void scaledSizesAsVirshReadsThem() throws Exception {
        assertEquals(10_000, ScaledSize.bytes("10KB", "size", 1024));
        assertEquals(200L << 20, ScaledSize.bytes("200M", "size", 1024));
        assertEquals(3L << 30, ScaledSize.bytes("3GiB", "size", 1024));
        assertEquals(7, ScaledSize.bytes("7b", "size", 1024));
        assertEquals(1024 * 5, ScaledSize.bytes("5", "size", 1024));
        assertThrows(CommandFailure.class, () -> ScaledSize.bytes("abc", "size", 1024));
        assertThrows(CommandFailure.class, () -> ScaledSize.bytes("1x", "size", 1024));
    }
}
