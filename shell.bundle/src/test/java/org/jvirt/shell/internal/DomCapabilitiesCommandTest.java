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
 * virt:domcapabilities on the real core: libvirt 9.0's test driver has no domain capabilities, so
 * virsh prints its own line and libvirt's "not supported" error (as {@code virsh -c test:///default
 * domcapabilities} does); options are virsh's.
 */
class DomCapabilitiesCommandTest {
    @TempDir
    Path dir;
    private DomCapabilitiesCommand command;

    @BeforeEach
    void platform() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        core.addDriver(new TestDriver(new FileStateStore(dir.resolve("test")), new DomainXmlCodecImpl()),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        command = new DomCapabilitiesCommand(core);
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean ok = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(ok), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theTestDriverHasNoDomainCapabilities() {
        String[] r = run("-c", "test:///default", "--virttype", "kvm", "--arch", "x86_64", "--machine", "pc");
        assertEquals("false", r[0]);
        assertEquals("\n", r[1], "virsh's empty line, also after a failed command");
        assertEquals("error: failed to get emulator capabilities\n"
                + "error: this function is not supported by the connection driver: virConnectGetDomainCapabilities\n",
                r[2]);
    }

    @Test
    void unknownOptionsAreRefusedAsByVirsh() {
        String[] r = run("-c", "test:///default", "--emulator", "/x");
        assertEquals("false", r[0]);
        assertEquals("error: command 'domcapabilities' doesn't support option --emulator\n", r[2]);
    }
}
