package org.jvirt.driver.test.internal;

import static org.jvirt.driver.test.internal.TestNetworksTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainInterface.Address;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.NetworkConfComponent;
import org.jvirt.storage.internal.StorageConfComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virDomainInterfaceAddresses on the test driver against what libvirt 9.0's answers on the same
 * domains and networks (virsh domifaddr on test:///default, 2026-12-02): the made-up addresses from the
 * network's DHCP range start (or address) and the domain id, 192.168.0.N for other interfaces, and errors.
 */
class TestInterfaceAddressesTest {
    static final String FOUR_NICS = """
            <domain type='test'><name>%s</name><memory>1024</memory><os><type>hvm</type></os><devices>
            <interface type='network'><mac address='52:54:00:00:00:01'/><source network='%s'/></interface>
            <interface type='bridge'><mac address='52:54:00:00:00:02'/><source bridge='br0'/></interface>
            <interface type='user'><mac address='52:54:00:00:00:03'/></interface>
            <interface type='network'><mac address='52:54:00:00:00:04'/><source network='%s'/><target dev='mytap'/>
            </interface></devices></domain>
            """;

    @TempDir
    Path dir;
    private CoreConnectionFactory core;
    private TestDriver driver;
    private Connection c;

    @BeforeEach
    void open() throws VirtException {
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        driver = new TestDriver(new FileStateStore(dir.resolve("state")), codec, new NetworkConfComponent(codec),
                new StorageConfComponent(codec));
        core = new CoreConnectionFactory(Duration.ofSeconds(2));
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        c = core.open("test:///default", 0);
    }

    @AfterEach
    void close() throws VirtException {
        c.close();
        core.removeDriver(driver);
        driver.deactivate();
    }

    @Test
    void addressesAsLibvirtsTestDriverMakesThemUp() throws VirtException {
        Domain test = c.lookupByName("test");
        List<DomainInterface> expected = List.of(new DomainInterface("testnet0", "aa:bb:cc:dd:ee:ff",
                List.of(new Address(0, "192.168.122.3", 24))));
        for (int source = 0; source < 3; source++) {
            assertEquals(expected, test.interfaceAddresses(source, 0), "every source alike, source " + source);
        }
        Domain t2 = c.createXml(FOUR_NICS.formatted("t2", "default", "default"), 0);
        assertEquals(List.of(new DomainInterface("testnet0", "52:54:00:00:00:01", List.of(new Address(0,
                        "192.168.122.23", 24))),
                new DomainInterface("testnet1", "52:54:00:00:00:02", List.of(new Address(0, "192.168.0.2", 24))),
                new DomainInterface("testnet2", "52:54:00:00:00:03", List.of(new Address(0, "192.168.0.3", 24))),
                new DomainInterface("mytap", "52:54:00:00:00:04", List.of(new Address(0, "192.168.122.26", 24)))),
                t2.interfaceAddresses(0, 0));

        // no DHCP range: from the network's address; IPv6 first: an IPv6 address, compressed
        c.createNetwork("<network><name>nodhcp</name><ip address='10.9.0.1' prefix='16'/></network>", 0);
        c.createNetwork("<network><name>six</name><ip family='ipv6' address='fd00::1' prefix='64'><dhcp>"
                + "<range start='fd00::10' end='fd00::99'/></dhcp></ip></network>", 0);
        Domain t3 = c.createXml(FOUR_NICS.formatted("t3", "nodhcp", "six"), 0);
        List<DomainInterface> got = t3.interfaceAddresses(0, 0);
        assertEquals(new Address(0, "10.9.0.42", 16), got.get(0).addrs().get(0), "id 3: 41 after 10.9.0.1");
        assertEquals(new Address(1, "fd00::3c", 64), got.get(3).addrs().get(0), "id 3, fourth: 44 after fd00::10");
    }

    @Test
    void errorsAsLibvirts() throws VirtException {
        Domain test = c.lookupByName("test");
        fails(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST, "argument unsupported: Unknown IP address data source 7",
                () -> test.interfaceAddresses(7, 0));
        fails(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testDomainInterfaceAddresses",
                () -> test.interfaceAddresses(0, 1));
        Domain t6 = c.createXml(FOUR_NICS.formatted("t6", "missing", "missing"), 0);
        fails(ErrorCode.NO_NETWORK, ErrorDomain.TEST, "Network not found: no network with matching name 'missing'",
                () -> t6.interfaceAddresses(0, 0));
        test.destroy(0);
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "Requested operation is not valid: domain is not running",
                () -> test.interfaceAddresses(0, 0));
    }
}
