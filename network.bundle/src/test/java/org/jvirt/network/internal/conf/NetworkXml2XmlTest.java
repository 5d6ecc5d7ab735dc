package org.jvirt.network.internal.conf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/**
 * libvirt 9.0's networkxml2xmltest: each case parses {@code networkxml2xmlin/NAME.xml}, formats it
 * with the case's flags and compares with {@code networkxml2xmlout/NAME.xml}; parse-error cases must
 * be refused. Every formatted definition must validate against {@code network.rng}.
 */
class NetworkXml2XmlTest {
    private static final String DATA = "libvirt-9.0";

    /** The table of networkxml2xmltest.c's mymain(): name, flags, whether parsing must fail. */
    private record Case(String name, int flags, boolean parseError) {
    }

    private static final List<Case> CASES = List.of(
            ok("dhcp6host-routed-network"), ok("empty-allow-ipv6"), ok("isolated-network"), ok("routed-network"),
            ok("routed-network-no-dns"), bad("routed-network-no-dns-extra-elements"), ok("open-network"),
            bad("open-network-with-forward-dev"), ok("nat-network"), ok("netboot-network"),
            ok("netboot-proxy-network"), ok("netboot-tftp"), ok("nat-network-dns-txt-record"),
            ok("nat-network-dns-srv-record"), ok("nat-network-dns-srv-records"),
            ok("nat-network-dns-srv-record-minimal"), ok("nat-network-dns-hosts"),
            ok("nat-network-dns-forward-plain"), ok("nat-network-dns-forwarders"),
            ok("nat-network-dns-forwarder-no-resolv"), ok("nat-network-forward-nat-ipv6"),
            ok("nat-network-forward-nat-address"), ok("nat-network-forward-nat-no-address"), ok("nat-network-mtu"),
            ok("8021Qbh-net"), ok("direct-net"), ok("host-bridge-net"), ok("vepa-net"), ok("bandwidth-network"),
            ok("openvswitch-net"), new Case("passthrough-pf", NetworkXmlFormatter.INACTIVE, false), ok("hostdev"),
            new Case("hostdev-pf", NetworkXmlFormatter.INACTIVE, false), ok("passthrough-address-crash"),
            ok("nat-network-explicit-flood"), ok("host-bridge-no-flood"), bad("hostdev-duplicate"),
            bad("passthrough-duplicate"), ok("metadata"), ok("set-mtu"), ok("dnsmasq-options"),
            ok("leasetime-seconds"), ok("leasetime-minutes"), ok("leasetime-hours"), ok("leasetime-infinite"),
            ok("isolated-ports"));

    private static Case ok(String name) {
        return new Case(name, 0, false);
    }

    private static Case bad(String name) {
        return new Case(name, 0, true);
    }

    @Test
    void networkxml2xml() throws Exception {
        Path root = LibvirtTestData.require(DATA + "/networkxml2xmlin", DATA + "/networkxml2xmlout").resolve(DATA);
        DomainSchemaValidator schema = DomainSchemaValidator.forSchema("network.rng");
        NetworkXmlParser parser = new NetworkXmlParser(new DomainXmlCodecImpl());
        ConformanceResults results = new ConformanceResults("networkxml2xml");
        for (Case c : CASES) {
            String in = read(root.resolve("networkxml2xmlin").resolve(c.name() + ".xml"));
            NetworkDef def;
            try {
                def = parser.parse(in);
            } catch (VirtException e) {
                if (c.parseError()) {
                    results.passed(c.name());
                } else {
                    results.failed(c.name(), "parse: " + e.getMessage());
                }
                continue;
            }
            if (c.parseError()) {
                results.failed(c.name(), "parsed, but libvirt refuses it");
                continue;
            }
            String actual = NetworkXmlFormatter.format(def, c.flags());
            String expected = read(root.resolve("networkxml2xmlout").resolve(c.name() + ".xml"));
            if (!actual.equals(expected)) {
                results.failed(c.name(), "differs:\n" + actual);
                continue;
            }
            List<String> errors = schema == null ? List.of() : schema.validate(actual);
            if (!errors.isEmpty()) {
                results.failed(c.name(), "not valid against network.rng: " + errors);
                continue;
            }
            results.passed(c.name());
        }
        results.assertNoRegression();
        assertTrue(results.passedCases().size() > 0, "no case passed");
    }

    /** A data file; the data keeps libvirt's symbolic links as files holding the relative target. */
    static String read(Path file) throws java.io.IOException {
        Path at = file;
        String text = Files.readString(at);
        for (int hops = 0; hops < 8 && !text.contains("<") && text.strip().startsWith(".."); hops++) {
            at = at.resolveSibling(text.strip()).normalize();
            text = Files.readString(at);
        }
        return text;
    }
}
