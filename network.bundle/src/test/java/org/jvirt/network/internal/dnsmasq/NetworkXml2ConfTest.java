package org.jvirt.network.internal.dnsmasq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkXmlParser;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/**
 * libvirt 9.0's networkxml2conftest: the dnsmasq configuration (and DHCP hosts file) of each
 * {@code networkxml2confdata/NAME.xml}, compared with {@code NAME.conf} and {@code NAME.hostsfile}
 * (a hosts file must be written exactly when one is expected). The harness's paths: hosts files in
 * {@code /var/lib/libvirt/dnsmasq}, no pid file.
 */
class NetworkXml2ConfTest {
    private static final String DATA = "libvirt-9.0/networkxml2confdata";

    /** networkxml2conftest.c's mymain() table. */
    private static final List<String> CASES = List.of("isolated-network", "netboot-network",
            "netboot-proxy-network", "netboot-tftp", "nat-network-dns-srv-record-minimal",
            "nat-network-name-with-quotes", "routed-network", "routed-network-no-dns", "open-network", "nat-network",
            "nat-network-dns-txt-record", "nat-network-dns-srv-record", "nat-network-dns-hosts",
            "nat-network-dns-forward-plain", "nat-network-dns-forwarders", "nat-network-dns-forwarder-no-resolv",
            "nat-network-dns-local-domain", "nat-network-mtu", "dhcp6-network", "dhcp6-nat-network",
            "dhcp6host-routed-network", "ptr-domains-auto", "dnsmasq-options", "leasetime-seconds",
            "leasetime-minutes", "leasetime-hours", "leasetime-infinite");

    @Test
    void networkxml2conf() throws Exception {
        Path dir = LibvirtTestData.require(DATA).resolve(DATA);
        NetworkXmlParser parser = new NetworkXmlParser(new DomainXmlCodecImpl());
        ConformanceResults results = new ConformanceResults("networkxml2conf");
        for (String name : CASES) {
            try {
                NetworkDef def = parser.parse(Files.readString(dir.resolve(name + ".xml")));
                DnsmasqConfig.Files actual = DnsmasqConfig.contents(def, "/var/lib/libvirt/dnsmasq", null);
                String conf = Files.readString(dir.resolve(name + ".conf"));
                Path hostsPath = dir.resolve(name + ".hostsfile");
                String hosts = Files.exists(hostsPath) ? Files.readString(hostsPath) : null;
                if (!conf.equals(actual.conf())) {
                    results.failed(name, "conf differs:\n" + actual.conf());
                } else if (!Objects.equals(hosts, actual.hostsfile())) {
                    results.failed(name, "hostsfile differs:\n" + actual.hostsfile());
                } else {
                    results.passed(name);
                }
            } catch (VirtException e) {
                results.failed(name, e.getMessage());
            }
        }
        results.assertNoRegression();
        assertTrue(results.passedCases().size() > 0, "no case passed");
    }
}
