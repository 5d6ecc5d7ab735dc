package org.jvirt.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

class NetInterfaceLookupTest {
    private static final NetInterface TAP7 = NetInterface.builder().type("bridge").mac("52:54:00:11:22:33")
            .targetDev("tap7").build();
    private static final NetInterface UNNAMED = NetInterface.builder().type("network").mac("52:54:00:0a:0b:0c")
            .build();
    /** A device named like another's MAC address: libvirt looks such a name up as a MAC address only. */
    private static final NetInterface ODD = NetInterface.builder().type("ethernet").mac("52:54:00:99:99:99")
            .targetDev("52:54:00:0a:0b:0d").build();
    private static final DomainDef DEF = DomainDef.builder().name("g")
            .devices(Devices.builder().all(List.of(TAP7, UNNAMED, ODD)).build()).build();

    @Test
    void aMacAddressFindsItsInterfaceWhateverItsCaseAndDigitCount() throws VirtException {
        assertSame(TAP7, NetInterfaceLookup.find(DEF, "52:54:00:11:22:33"));
        assertSame(UNNAMED, NetInterfaceLookup.find(DEF, "52:54:0:A:b:0C"));
        assertSame(ODD, NetInterfaceLookup.find(DEF, "52:54:00:99:99:99"));
    }

    @Test
    void aHostDeviceNameFindsItsInterface() throws VirtException {
        assertSame(TAP7, NetInterfaceLookup.find(DEF, "tap7"));
    }

    @Test
    void anUnknownNameOrAddressIsAnInvalidArgumentNamingIt() {
        for (String device : List.of("tap9", "TAP7", "52:54:00:11:22:34", "52:54:00:0a:0b:0d", "52:54:00:11:22",
                "52:54:00:11:22:33:44", "52:54:00:11:22:333", "")) {
            VirtException e = assertThrows(VirtException.class, () -> NetInterfaceLookup.find(DEF, device), device);
            assertEquals(ErrorCode.INVALID_ARG, e.code(), device);
            assertEquals(ErrorDomain.DOMAIN, e.domain(), device);
            assertEquals("invalid argument: '" + device + "' is not a known interface", e.getMessage());
        }
    }

    @Test
    void aMacAddressEndsAtABlankOrANonAsciiCharacterAsCReadsIt() throws VirtException {
        for (String device : List.of("52:54:00:11:22:33 ", "52:54:00:11:22:33 tail", "52:54:00:11:22:33\ttab",
                "52:54:00:11:22:33\u0000", "52:54:00:11:22:33\u00e9")) {
            assertSame(TAP7, NetInterfaceLookup.find(DEF, device), device);
        }
    }

    @Test
    void onlyAsciiHexDigitsWithNothingBeforeThemMakeAMacAddress() {
        for (String device : List.of("52:54:00:11:22:33x", "52:54:00:11:22:33:", "+52:54:00:11:22:33",
                " 52:54:00:11:22:33", "052:54:00:11:22:33", "0x52:54:00:11:22:33", "52:54:00:11:22:\u0663\u0663",
                "\uff15\uff12:54:00:11:22:33", "52::00:11:22:33")) {
            VirtException e = assertThrows(VirtException.class, () -> NetInterfaceLookup.find(DEF, device), device);
            assertEquals("invalid argument: '" + device + "' is not a known interface", e.getMessage());
        }
    }

    @Test
    void aDefinitionWithoutInterfacesHasNone() {
        DomainDef empty = DomainDef.builder().name("e").devices(Devices.NONE).build();
        VirtException e = assertThrows(VirtException.class, () -> NetInterfaceLookup.find(empty, "tap7"));
        assertEquals("invalid argument: 'tap7' is not a known interface", e.getMessage());
    }
}
