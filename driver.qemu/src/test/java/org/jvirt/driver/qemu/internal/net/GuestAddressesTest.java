package org.jvirt.driver.qemu.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainInterface.Address;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * libvirt's qemuGetDHCPInterfaces over the host's network driver: the leases of each interface's network
 * asked for by the interface's MAC, one entry per interface with leases (each lease an address), none for
 * an interface without; a network that does not exist fails as libvirt's lookup does.
 */
class GuestAddressesTest {
    private static final String GUEST = """
            <domain type='qemu'><name>g</name><memory>65536</memory><os><type>hvm</type></os><devices>
            <interface type='network'><mac address='52:54:00:AA:00:01'/><source network='lab'/>
              <target dev='vnet0'/></interface>
            <interface type='network'><mac address='52:54:00:aa:00:02'/><source network='lab'/>
              <target dev='vnet1'/></interface>
            <interface type='user'><mac address='52:54:00:aa:00:03'/></interface>
            <interface type='network'><mac address='52:54:00:aa:00:04'/><source network='%s'/>
              <target dev='vnet2'/></interface>
            </devices></domain>
            """;

    private final List<String> asked = new ArrayList<>();

    @Test
    void leasesByMacPerInterface() throws Exception {
        GuestAddresses addresses = new GuestAddresses(this::driver, new HostCommands(List.of()));
        List<DomainInterface> got = addresses.fromLeases(def("lab"));
        assertEquals(List.of(new DomainInterface("vnet0", "52:54:00:aa:00:01", List.of(
                new Address(0, "192.168.150.101", 24), new Address(1, "fd00::65", 64)))), got);
        assertEquals(List.of("lab 52:54:00:aa:00:01", "lab 52:54:00:aa:00:02", "lab 52:54:00:aa:00:04"), asked,
                "each network interface's own MAC, lower case");
        VirtException e = assertThrows(VirtException.class, () -> addresses.fromLeases(def("gone")));
        assertEquals(ErrorCode.NO_NETWORK, e.code());
        assertEquals("Network not found: no network with matching name 'gone'", e.getMessage());
        VirtException none = assertThrows(VirtException.class,
                () -> new GuestAddresses(() -> null, new HostCommands(List.of())).fromLeases(def("lab")));
        assertEquals(ErrorCode.NO_SUPPORT, none.code());
    }

    private static DomainDef def(String last) throws VirtException {
        return new DomainXmlCodecImpl().parse(GUEST.formatted(last), 0);
    }

    private NetworkDriver driver() {
        NetworkDriverConnection conn = (NetworkDriverConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NetworkDriverConnection.class}, (p, m, args) -> switch (m.getName()) {
                    case "lookupByName" -> "lab".equals(args[0]) ? new NetworkRef("lab", UUID.randomUUID()) : null;
                    case "dhcpLeases" -> leases(((NetworkRef) args[0]).name(), (String) args[1]);
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (NetworkDriver) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {NetworkDriver.class},
                (p, m, args) -> {
                    if (m.getName().equals("open")) {
                        return conn;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private List<NetworkDhcpLease> leases(String network, String mac) {
        asked.add(network + " " + mac);
        if (!mac.equals("52:54:00:aa:00:01")) {
            return List.of();
        }
        return List.of(new NetworkDhcpLease("virbr0", 0, 0, mac, null, "192.168.150.101", 24, "g", null),
                new NetworkDhcpLease("virbr0", 0, 1, mac, "1", "fd00::65", 64, "g", null));
    }
}
