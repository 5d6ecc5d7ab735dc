package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainInterface.Address;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.network.internal.NetworkConfComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virt:domifaddr: virsh 9.0's columns and messages (as virsh prints them for libvirt's test:///default),
 * on the real core and the test driver with networks; the row layout for several addresses and none.
 */
class DomIfAddrCommandTest {
    private static final String HEADER = " Name       MAC address          Protocol     Address\n"
            + "-".repeat(79) + "\n";

    @TempDir
    Path dir;
    private DomIfAddrCommand command;

    @BeforeEach
    void platform() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        core.addDriver(new TestDriver(new FileStateStore(dir.resolve("test")), codec, new NetworkConfComponent(codec),
                null), Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        command = new DomIfAddrCommand(core);
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean ok = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(ok), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsAsVirsh() {
        String[] r = run("-c", "test:///default", "test");
        assertEquals("true", r[0], r[2]);
        assertEquals(HEADER + " testnet0   aa:bb:cc:dd:ee:ff    ipv4         192.168.122.3/24\n\n", r[1]);
        assertEquals(HEADER + "\n", run("-c", "test:///default", "test", "--interface", "eth9")[1]);
        r = run("-c", "test:///default", "test", "--source", "dhcp");
        assertEquals("false", r[0]);
        assertEquals("error: Unknown data source 'dhcp'\n", r[2]);
        r = run("-c", "test:///default", "nosuch");
        assertEquals("error: failed to get domain 'nosuch'\n", r[2]);
    }

    @Test
    void severalAddressesAndNone() {
        List<DomainInterface> ifaces = List.of(
                new DomainInterface("vnet0", "52:54:00:aa:00:01", List.of(new Address(0, "192.168.150.101", 24),
                        new Address(1, "fd00::65", 64))),
                new DomainInterface("vnet1", null, List.of()));
        assertEquals(HEADER
                + " vnet0      52:54:00:aa:00:01    ipv4         192.168.150.101/24\n"
                + " -          -                    ipv6         fd00::65/64\n"
                + " vnet1                           N/A          N/A\n", DomIfAddrCommand.format(ifaces, null, false));
        assertEquals(HEADER
                + " vnet0      52:54:00:aa:00:01    ipv4         192.168.150.101/24\n"
                + " vnet0      52:54:00:aa:00:01    ipv6         fd00::65/64\n",
                DomIfAddrCommand.format(ifaces, "vnet0", true));
    }
}
