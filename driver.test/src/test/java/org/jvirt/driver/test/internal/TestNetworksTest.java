package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.NetworkConfComponent;
import org.jvirt.storage.internal.StorageConfComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The test driver's networks against what libvirt 9.0's test driver answers (checked with
 * python3-libvirt on {@code test:///default}): its default network, the lifecycle, the errors with
 * their codes and domains, updates, and a host file's networks.
 */
class TestNetworksTest {
    static final String DEFAULT_XML = """
            <network>
              <name>default</name>
              <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>
              <forward mode='nat'/>
              <bridge name='virbr0' stp='on' delay='0'/>
              <ip address='192.168.122.1' netmask='255.255.255.0'>
                <dhcp>
                  <range start='192.168.122.2' end='192.168.122.254'/>
                </dhcp>
              </ip>
            </network>
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

    static void fails(ErrorCode code, ErrorDomain domain, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void theDefaultHostHasLibvirtsDefaultNetwork() throws VirtException {
        List<Network> all = c.listAllNetworks(0);
        assertEquals(List.of("default"), all.stream().map(Network::name).toList());
        Network n = all.get(0);
        assertTrue(n.isActive());
        assertTrue(n.isPersistent());
        assertFalse(n.autostart());
        assertEquals("virbr0", n.bridgeName());
        assertEquals(DEFAULT_XML, n.xmlDesc(0));
        fails(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "unsupported flags (0x1) in function testNetworkGetXMLDesc",
                () -> n.xmlDesc(1));
    }

    @Test
    void lifecycleAndErrorsAreLibvirtsTestDrivers() throws VirtException {
        Network n = c.lookupNetworkByName("default");
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: Network 'default' is already running", () -> n.create(0));
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: Network 'default' is still running", n::undefine);
        n.destroy();
        n.destroy();   // libvirt's test driver does not check that it runs
        assertFalse(n.isActive());
        n.create(0);
        assertTrue(n.isActive());
        fails(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                "operation failed: network 'default' already exists with uuid dd8fe884-6c02-601e-7551-cca97df1c5df",
                () -> c.defineNetwork("<network><name>default</name></network>", 0));
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                "Requested operation is not valid: network is already active as 'default'",
                () -> c.createNetwork("<network><name>default</name><uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid></network>", 0));
        fails(ErrorCode.NO_NETWORK, ErrorDomain.TEST, "Network not found: no network with matching name 'nosuch'",
                () -> c.lookupNetworkByName("nosuch"));
        fails(ErrorCode.XML_ERROR, ErrorDomain.XML, "XML error: expecting root element of 'network', not 'domain'",
                () -> c.defineNetwork("<domain/>", 0));
        fails(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x2) in function testNetworkDefineXMLFlags",
                () -> c.defineNetwork("<network><name>n2</name></network>", 2));

        Network n2 = c.defineNetwork("<network><name>n2</name></network>", 1);
        assertFalse(n2.isActive());
        assertTrue(n2.isPersistent());
        fails(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "internal error: network 'n2' does not have a bridge name.",
                n2::bridgeName);
        n2.setAutostart(true);
        assertTrue(n2.autostart());
        n2.undefine();
        fails(ErrorCode.NO_NETWORK, ErrorDomain.TEST, "Network not found: no network with matching uuid '" + n2.uuid() + "'",
                n2::isActive);

        Network t = c.createNetwork("<network><name>tn</name></network>", 0);
        assertTrue(t.isActive());
        assertFalse(t.isPersistent());
        t.destroy();
        assertEquals(List.of("default"), c.listAllNetworks(0).stream().map(Network::name).toList());
    }

    @Test
    void eventsGoToEveryConnectionOfTheHost() throws Exception {
        List<NetworkEvent> seen = new CopyOnWriteArrayList<>();
        try (Connection other = core.open("test:///default", 0)) {
            other.addNetworkEventListener((net, e) -> seen.add(e));
            c.lookupNetworkByName("default").destroy();
            c.lookupNetworkByName("default").create(0);
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.size() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        assertEquals(List.of(NetworkEventType.STOPPED, NetworkEventType.STARTED), seen.stream().map(NetworkEvent::type).toList());
    }

    @Test
    void updateChangesTheLiveAndThePersistentDefinition() throws VirtException {
        Network n = c.lookupNetworkByName("default");
        String host = "<host mac='00:11:22:33:44:55' ip='192.168.122.5'/>";
        n.update(NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, host, 0);
        assertTrue(n.xmlDesc(0).contains("      " + host + "\n"), n.xmlDesc(0));
        fails(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "unsupported flags (0x4) in function testNetworkUpdate",
                () -> n.update(NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, host, 4));
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "Requested operation is not valid: there is an existing dhcp"
                + " host entry in network 'default' that matches \"" + host + "\"",
                () -> n.update(NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, host, 0));
        Network t = c.createNetwork("<network><name>tn</name><ip address='10.0.0.1' prefix='24'/></network>", 0);
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                "Requested operation is not valid: cannot change persistent config of a transient network",
                () -> t.update(NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, host, 2));
    }

    @Test
    void aHostFileDeclaresNetworksInlineAndByFile() throws Exception {
        Files.writeString(dir.resolve("net2.xml"), "<network><name>second</name><bridge name='br2'/></network>");
        Path host = Files.writeString(dir.resolve("host.xml"), "<node><network><name>first</name></network>"
                + "<network file='net2.xml'/></node>");
        try (Connection f = core.open("test://" + host, 0)) {
            assertEquals(List.of("first", "second"), f.listAllNetworks(0).stream().map(Network::name).toList());
            assertTrue(f.lookupNetworkByName("second").isActive());
            assertEquals("br2", f.lookupNetworkByName("second").bridgeName());
        }
        // the default host is another host
        assertEquals(List.of("default"), c.listAllNetworks(0).stream().map(Network::name).toList());
    }
}
