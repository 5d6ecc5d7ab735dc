package org.jvirt.network.internal.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.VirtException;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the network XML parser (what {@code virNetworkDefineXML} reads from any client): every text
 * is refused with a {@link VirtException} or parsed into a definition whose formatted XML parses again
 * to the same definition text. Regression mode runs the committed inputs
 * (NetworkXmlFuzzTestInputs/roundTrip).
 */
class NetworkXmlFuzzTest {
    private static final NetworkXmlParser PARSER = new NetworkXmlParser(new DomainXmlCodecImpl());

    @FuzzTest(maxDuration = "10m")
    void roundTrip(byte[] input) {
        NetworkDef def;
        try {
            def = PARSER.parse(new String(input, StandardCharsets.UTF_8));
        } catch (VirtException e) {
            assertNotNull(e.code(), e.getMessage());
            return;
        }
        String once = NetworkXmlFormatter.format(def, 0);
        String twice = NetworkXmlFormatter.format(reparse(once), 0);
        assertEquals(def.uuid(), reparse(twice).uuid());
        assertEquals(twice, NetworkXmlFormatter.format(reparse(twice), 0));
    }

    private static NetworkDef reparse(String formatted) {
        try {
            return PARSER.parse(formatted);
        } catch (VirtException e) {
            throw new AssertionError("formatted network XML does not parse: " + e.getMessage() + "\n" + formatted, e);
        }
    }
}
