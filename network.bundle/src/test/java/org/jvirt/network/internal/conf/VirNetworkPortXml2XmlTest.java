package org.jvirt.network.internal.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/**
 * libvirt 9.0's virnetworkportxml2xmltest: each case parses {@code virnetworkportxml2xmldata/NAME.xml},
 * formats it and compares with the same file. Every output must validate against {@code networkport.rng}.
 */
class VirNetworkPortXml2XmlTest {
    private static final String DATA = "libvirt-9.0/virnetworkportxml2xmldata";

    /** The table of virnetworkportxml2xmltest.c's mymain(). */
    private static final List<String> CASES = List.of("plug-none", "plug-bridge", "plug-bridge-mactbl", "plug-direct",
            "plug-hostdev-pci", "plug-hostdev-pci-unmanaged", "plug-network");

    private final NetworkPortXml xml = new NetworkPortXml(new DomainXmlCodecImpl());

    @Test
    void virnetworkportxml2xml() throws Exception {
        Path dir = LibvirtTestData.require(DATA).resolve(DATA);
        DomainSchemaValidator schema = DomainSchemaValidator.forSchema("networkport.rng");
        ConformanceResults results = new ConformanceResults("virnetworkportxml2xml");
        for (String name : CASES) {
            String expected = NetworkXml2XmlTest.read(dir.resolve(name + ".xml"));
            String actual;
            try {
                actual = NetworkPortXml.format(xml.parse(expected));
            } catch (VirtException e) {
                results.failed(name, "parse: " + e.getMessage());
                continue;
            }
            if (!actual.equals(expected)) {
                results.failed(name, "differs:\n" + actual);
                continue;
            }
            List<String> errors = schema == null ? List.of() : schema.validate(actual);
            if (!errors.isEmpty()) {
                results.failed(name, "not valid against networkport.rng: " + errors);
                continue;
            }
            results.passed(name);
        }
        results.assertNoRegression();
        assertTrue(results.passedCases().size() > 0, "no case passed");
    }

    @Test
    void refusesWhatLibvirtRefuses() {
        String head = "<networkport><uuid>5d744f21-ba4a-4d6e-bdb2-30a35ff3207d</uuid>";
        String owner = "<owner><name>g</name><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>";
        assertMessage("network port has no uuid", "<networkport>" + owner + "<mac address='52:54:00:00:00:01'/></networkport>");
        assertMessage("network port has no mac", head + owner + "</networkport>");
        assertMessage("Unable to parse MAC 'zz'", head + owner + "<mac address='zz'/></networkport>");
        assertMessage("network port has no owner name", head + "<mac address='52:54:00:00:00:01'/></networkport>");
        assertMessage("Missing network port bridge name",
                head + owner + "<mac address='52:54:00:00:00:01'/><plug type='bridge'/></networkport>");
        assertMessage("Invalid macTableManager setting 'x' in network port", head + owner
                + "<mac address='52:54:00:00:00:01'/><plug type='network' bridge='b' macTableManager='x'/></networkport>");
        assertMessage("Missing mandatory average or floor attributes", head + owner
                + "<mac address='52:54:00:00:00:01'/><bandwidth><inbound peak='3'/></bandwidth></networkport>");
        VirtException e = assertThrows(VirtException.class, () -> xml.parse("<network/>"));
        assertEquals(ErrorCode.XML_ERROR, e.code());
    }

    private void assertMessage(String expected, String input) {
        VirtException e = assertThrows(VirtException.class, () -> xml.parse(input));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
