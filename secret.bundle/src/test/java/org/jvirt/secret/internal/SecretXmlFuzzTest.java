package org.jvirt.secret.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.VirtException;
import org.jvirt.secret.internal.conf.SecretDef;
import org.jvirt.secret.internal.conf.SecretXml;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the secret XML parser (what {@code virSecretDefineXML} reads from any client): every text is
 * refused with a {@link VirtException} or parsed into a definition whose formatted XML parses again.
 * Formatting reaches a fixed point after one round: a carriage return written as {@code &#13;}
 * comes back as a newline once written raw, as with libvirt's {@code virBufferEscapeString}.
 * Regression mode runs the committed inputs (SecretXmlFuzzTestInputs/roundTrip); {@code bin/fuzz secretxml}.
 */
class SecretXmlFuzzTest {
    private static final SecretXml XML = new SecretXml(new DomainXmlCodecImpl());

    @FuzzTest(maxDuration = "10m")
    void roundTrip(byte[] input) {
        SecretDef def;
        try {
            def = XML.parse(new String(input, StandardCharsets.UTF_8), SecretXml.URL);
        } catch (VirtException e) {
            assertNotNull(e.code(), e.getMessage());
            return;
        }
        String once = SecretXml.format(def);
        String twice = SecretXml.format(reparse(once));
        assertEquals(def.uuid(), reparse(twice).uuid());
        assertEquals(twice, SecretXml.format(reparse(twice)));
    }

    private static SecretDef reparse(String formatted) {
        try {
            return XML.parse(formatted, SecretXml.URL);
        } catch (VirtException e) {
            throw new AssertionError("formatted secret XML does not parse: " + e.getMessage() + "\n" + formatted, e);
        }
    }
}
