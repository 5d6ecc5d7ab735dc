package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the domain XML codec: parse, format, parse again. Every text is either refused with a
 * {@link VirtException} or parsed into a definition whose formatted XML parses again and formats
 * identically (libvirt's xml2xml property), at a size linear in the input. Nothing else may
 * escape: no runtime exception, no stack overflow. Regression mode runs the committed inputs
 * (src/test/resources/org/jvirt/xml/internal/DomainXmlFuzzTestInputs/roundTrip); README "Fuzzing"
 * tells how to fuzz.
 */
class DomainXmlFuzzTest {
    /** Formatting adds defaults and implicit devices (a constant) but may not grow faster than the input. */
    private static final int GROWTH = 8;
    private static final int DEFAULTS_CHARS = 64 * 1024;

    @FuzzTest(maxDuration = "10m")
    void roundTrip(byte[] input) {
        String xml = new String(input, StandardCharsets.UTF_8);
        // a fixed seed: generated MAC addresses are the same in every run of an input
        DomainXmlCodec codec = new DomainXmlCodecImpl(new Random(1));
        DomainDef def;
        try {
            def = codec.parse(xml, 0);
        } catch (VirtException e) {
            assertNotNull(e.code(), e.getMessage());
            return;
        }
        String formatted = codec.format(def, DomainXmlCodec.FORMAT_SECURE);
        assertTrue(formatted.length() <= GROWTH * xml.length() + DEFAULTS_CHARS,
                () -> xml.length() + " characters formatted as " + formatted.length());
        DomainDef again;
        try {
            again = codec.parse(formatted, 0);
        } catch (VirtException e) {
            throw new AssertionError("the codec's own output does not parse: " + e.getMessage()
                    + "\n--- input\n" + xml + "\n--- formatted\n" + formatted, e);
        }
        assertEquals(formatted, codec.format(again, DomainXmlCodec.FORMAT_SECURE), () -> "input:\n" + xml);
    }
}
