package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/**
 * Port groups as libvirt's networkAllocatePort reads them: a port without a bandwidth of its own takes
 * its group's (the group it names, else the network's default group), and its rxfilter trust; a port
 * with its own keeps it; a group that is not there gives nothing. And the definitions libvirt refuses:
 * a floor in a group's or the network's bandwidth (virNetDevBandwidthParse without allowFloor), two
 * default groups, two groups of one name, a group's bandwidth where there is no bridge to put it on.
 */
class PortGroupTest extends NamespacedNetworkTest {
    static final String NET = """
            <network>
              <name>groups</name>
              <forward mode='nat'/>
              <bridge name='virbr8'/>
              <ip address='192.168.158.1' netmask='255.255.255.0'/>
              <portgroup name='std' default='yes'>
                <bandwidth>
                  <inbound average='500'/>
                </bandwidth>
              </portgroup>
              <portgroup name='gold' trustGuestRxFilters='yes'>
                <bandwidth>
                  <inbound average='2000' peak='4000' burst='1024'/>
                  <outbound average='1000'/>
                </bandwidth>
              </portgroup>
              <portgroup name='plain'/>
            </network>
            """;
    static final String PORT = """
            <networkport>
              <uuid>%s</uuid>
              <owner><name>guest1</name><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>
              %s
              <mac address='52:54:00:12:34:56'/>
              %s
            </networkport>
            """;

    PortGroupTest() {
        super("jvt-pg");
    }

    @Test
    void aPortWithoutBandwidthTakesItsGroupsOrTheDefaultGroups() throws Exception {
        Network net = conn.createNetwork(NET, 0);

        NetworkPort gold = net.createPort(port("<group>gold</group>", ""), 0);
        assertEquals(List.of(uint(NetworkPort.BANDWIDTH_IN_AVERAGE, 2000), uint(NetworkPort.BANDWIDTH_IN_PEAK, 4000),
                uint(NetworkPort.BANDWIDTH_IN_FLOOR, 0), uint(NetworkPort.BANDWIDTH_IN_BURST, 1024),
                uint(NetworkPort.BANDWIDTH_OUT_AVERAGE, 1000), uint(NetworkPort.BANDWIDTH_OUT_PEAK, 0),
                uint(NetworkPort.BANDWIDTH_OUT_BURST, 0)), gold.parameters(0));
        String xml = gold.xmlDesc(0);
        assertTrue(xml.contains("<group>gold</group>"), xml);
        assertTrue(xml.contains("<bandwidth>\n    <inbound average='2000' peak='4000' burst='1024'/>\n"
                + "    <outbound average='1000'/>\n  </bandwidth>"), xml);
        assertTrue(xml.contains("<rxfilters trustGuest='yes'/>"), "the group's trust: " + xml);

        NetworkPort byDefault = net.createPort(port("", ""), 0);
        assertEquals(List.of(uint(NetworkPort.BANDWIDTH_IN_AVERAGE, 500), uint(NetworkPort.BANDWIDTH_IN_PEAK, 0),
                uint(NetworkPort.BANDWIDTH_IN_FLOOR, 0), uint(NetworkPort.BANDWIDTH_IN_BURST, 0)),
                byDefault.parameters(0), "no group named: the default group's");
        assertFalse(byDefault.xmlDesc(0).contains("<group>"), byDefault.xmlDesc(0));
        assertFalse(byDefault.xmlDesc(0).contains("rxfilters"), byDefault.xmlDesc(0));

        NetworkPort own = net.createPort(port("<group>gold</group>",
                "<bandwidth><outbound average='64'/></bandwidth>"), 0);
        assertEquals(List.of(uint(NetworkPort.BANDWIDTH_OUT_AVERAGE, 64), uint(NetworkPort.BANDWIDTH_OUT_PEAK, 0),
                uint(NetworkPort.BANDWIDTH_OUT_BURST, 0)), own.parameters(0), "its own bandwidth wins, whole");

        NetworkPort plain = net.createPort(port("<group>plain</group>", ""), 0);
        assertEquals(List.of(), plain.parameters(0), "a group without bandwidth gives none");
        NetworkPort missing = net.createPort(port("<group>nosuch</group>", ""), 0);
        assertEquals(List.of(), missing.parameters(0), "a group that is not there gives nothing, as in libvirt");
        assertFalse(missing.xmlDesc(0).contains("<bandwidth"), missing.xmlDesc(0));

        // the groups are the network's as written
        assertTrue(net.xmlDesc(0).contains("<portgroup name='gold' trustGuestRxFilters='yes'>"), net.xmlDesc(0));
    }

    @Test
    void aPortWithoutAVlanTakesItsGroupsElseTheNetworks() throws Exception {
        ns.check("ip", "link", "add", "name", "jvtpgbr", "type", "bridge");
        Network net = conn.createNetwork("""
                <network>
                  <name>ovs</name>
                  <forward mode='bridge'/>
                  <bridge name='jvtpgbr'/>
                  <virtualport type='openvswitch'/>
                  <vlan>
                    <tag id='10'/>
                  </vlan>
                  <portgroup name='blue'>
                    <vlan>
                      <tag id='42'/>
                    </vlan>
                  </portgroup>
                  <portgroup name='none'/>
                </network>
                """, 0);
        String blue = net.createPort(port("<group>blue</group>", ""), 0).xmlDesc(0);
        assertTrue(blue.contains("<tag id='42'/>") && !blue.contains("<tag id='10'/>"), blue);
        String none = net.createPort(port("<group>none</group>", ""), 0).xmlDesc(0);
        assertTrue(none.contains("<tag id='10'/>"), "a group without tags: the network's VLAN: " + none);
        String own = net.createPort(port("<group>blue</group>", "<vlan><tag id='7'/></vlan>"), 0).xmlDesc(0);
        assertTrue(own.contains("<tag id='7'/>") && !own.contains("<tag id='42'/>"), own);
    }

    @Test
    void definitionsLibvirtRefuses() throws Exception {
        assertRefused(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: floor attribute is not supported "
                + "for this config", NET.replace("<inbound average='500'/>", "<inbound average='500' floor='100'/>"));
        assertRefused(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: floor attribute is not supported "
                + "for this config", NET.replace("<bridge name='virbr8'/>",
                        "<bridge name='virbr8'/><bandwidth><inbound average='100' floor='10'/></bandwidth>"));
        assertRefused(ErrorCode.XML_ERROR, "XML error: Missing required name attribute in portgroup",
                NET.replace("<portgroup name='plain'/>", "<portgroup/>"));
        assertRefused(ErrorCode.XML_ERROR, "XML error: Invalid value for attribute 'trustGuestRxFilters' in element "
                + "'portgroup': 'maybe'. Expected one of: yes, no",
                NET.replace("trustGuestRxFilters='yes'", "trustGuestRxFilters='maybe'"));
        assertRefused(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: network 'groups' has multiple default "
                + "<portgroup> elements (std and plain), but only one default is allowed",
                NET.replace("<portgroup name='plain'/>", "<portgroup name='plain' default='yes'/>"));
        assertRefused(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: multiple <portgroup> elements with "
                + "the same name (gold) in network 'groups'", NET.replace("name='plain'", "name='gold'"));
        String bridged = """
                <network>
                  <name>groups</name>
                  <forward mode='bridge'><interface dev='eth0'/></forward>
                  <portgroup name='std'><bandwidth><inbound average='500'/></bandwidth></portgroup>
                </network>
                """;
        assertRefused(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: Unsupported <bandwidth> element in "
                + "network 'groups' in portgroup 'std' with forward mode='bridge'", bridged);
        assertEquals(List.of(), conn.listAllNetworks(0), "nothing defined");
    }

    private void assertRefused(ErrorCode code, String message, String xml) {
        VirtException e = assertThrows(VirtException.class, () -> conn.defineNetwork(xml, 0));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    private static String port(String group, String bandwidth) {
        return PORT.formatted(UUID.randomUUID(), group, bandwidth);
    }

    private static TypedParameter uint(String field, long value) {
        return new TypedParameter(field, ParameterType.UINT, value);
    }
}
