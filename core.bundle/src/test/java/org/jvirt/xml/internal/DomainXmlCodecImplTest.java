package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.testing.DomainSchemaValidator;

class DomainXmlCodecImplTest {
    static final String SIMPLE = """
            <domain type='test' id='3'>
              <name>web1</name>
              <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
              <memory unit='KiB'>8388608</memory>
              <currentMemory unit='KiB'>2097152</currentMemory>
              <vcpu placement='static'>2</vcpu>
              <os>
                <type arch='i686'>hvm</type>
                <boot dev='hd'/>
              </os>
              <clock offset='utc'/>
              <on_poweroff>destroy</on_poweroff>
              <on_reboot>restart</on_reboot>
              <on_crash>destroy</on_crash>
              <devices>
              </devices>
            </domain>
            """;

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    @Test
    void simpleDomainRoundTrips() throws VirtException {
        DomainDef def = codec.parse(SIMPLE, 0);
        assertEquals("test", def.type());
        assertEquals(3, def.id());
        assertEquals("web1", def.name());
        assertEquals(UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), def.uuid());
        assertEquals(8388608L, def.memory().kib());
        assertEquals(2097152L, def.currentMemory().kib());
        assertNull(def.maxMemory());
        assertEquals(2, def.vcpu().count());
        assertEquals(2, def.vcpu().current());
        assertEquals("hvm", def.os().type());
        assertEquals("i686", def.os().arch());
        String expected = SIMPLE;
        assertEquals(expected, codec.format(def, 0));
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        if (schema != null) {
            schema.assertValid("simple domain", codec.format(def, 0));
        }
        assertEquals(expected.replace(" id='3'", ""), codec.format(def, DomainXmlCodec.FORMAT_INACTIVE));
    }

    @Test
    void unitsAreConvertedToKib() throws VirtException {
        DomainDef def = codec.parse(SIMPLE.replace("<memory unit='KiB'>8388608", "<memory unit='GiB'>8")
                .replace("<currentMemory unit='KiB'>2097152", "<currentMemory unit='MB'>1"), 0);
        assertEquals(8388608L, def.memory().kib());
        assertEquals(977L, def.currentMemory().kib());
    }

    @Test
    void withersChangeOneField() throws VirtException {
        DomainDef def = codec.parse(SIMPLE, DomainXmlCodec.PARSE_INACTIVE);
        assertEquals(-1, def.id());
        DomainDef renamed = def.withName("web2").withId(7).withUuid(null);
        assertEquals("web2", renamed.name());
        assertEquals(7, renamed.id());
        assertNull(renamed.uuid());
        assertTrue(codec.format(renamed, 0).startsWith("<domain type='test' id='7'>\n  <name>web2</name>\n  <memory"));
    }

    @Test
    void predefinedAndCharacterEntitiesAreText() throws VirtException {
        DomainDef def = codec.parse(SIMPLE.replace("<name>web1</name>",
                "<name>web1</name>\n  <description>a &amp; b &lt;c&gt; &#233; &apos;q&apos;</description>"), 0);
        assertEquals("a & b <c> \u00e9 'q'", def.description());
        assertTrue(codec.format(def, 0).contains("<description>a &amp; b &lt;c&gt; \u00e9 &apos;q&apos;</description>"));
    }

    @Test
    void doctypeIsRefused() {
        String evil = "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                + SIMPLE.replace("web1", "&x;");
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(evil, 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("XML error: DOCTYPE"), e.getMessage());
    }

    @Test
    void malformedXmlNamesTheLine() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse("<domain type='test'>\n<name>x</nam>", 0));
        assertEquals(ErrorCode.XML_DETAIL, e.code());
        assertTrue(e.getMessage().startsWith("(domain_definition):2: "), e.getMessage());
    }

    /**
     * libxml2 (and so libvirt) refuses nesting deeper than 256 levels below the root; deeper free-form
     * content used to overflow the formatter's stack.
     */
    @Test
    void nestingDeeperThanLibxml2AllowsIsRefused() throws VirtException {
        // <domain> and <metadata> are two levels; with n nested elements inside, the deepest has n + 1 ancestors
        String ok = SIMPLE.replace("</domain>", "<metadata>" + "<x>".repeat(255) + "</x>".repeat(255)
                + "</metadata></domain>");
        DomainDef def = codec.parse(ok, 0);
        assertTrue(codec.format(def, 0).contains("<x>"));
        for (int n : new int[] {256, 5000, 20000}) {
            String deep = SIMPLE.replace("</domain>", "<metadata>" + "<x>".repeat(n) + "</x>".repeat(n)
                    + "</metadata></domain>");
            VirtException e = assertThrows(VirtException.class, () -> codec.parse(deep, 0), "depth " + n);
            assertEquals(ErrorCode.XML_DETAIL, e.code());
            assertTrue(e.getMessage().matches("\\(domain_definition\\):\\d+: Excessive depth in document: 256 use "
                    + "XML_PARSE_HUGE option"), e.getMessage());
        }
    }

    @Test
    void oversizedInputIsRefused() {
        String big = SIMPLE.replace("</domain>", "<!--" + "x".repeat(SafeXmlReader.MAX_CHARS) + "--></domain>");
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(big, 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
    }

    @Test
    void wrongRootAndMissingNameAreErrors() {
        VirtException e = assertThrows(VirtException.class, () -> codec.parse("<network/>", 0));
        assertEquals("XML error: expecting root element of 'domain', not 'network'", e.getMessage());
        VirtException n = assertThrows(VirtException.class,
                () -> codec.parse(SIMPLE.replace("<name>web1</name>", ""), 0));
        assertEquals(ErrorCode.NO_NAME, n.code());
    }

    @Test
    void unmodelledContentIsKept() throws VirtException {
        String xml = SIMPLE.replace("  <vcpu", "  <memtune>\n    <hard_limit unit='KiB'>1</hard_limit>\n  </memtune>\n  <vcpu")
                .replace("  <devices>\n  </devices>\n", "  <devices>\n    <panic model='isa'/>\n  </devices>\n");
        assertEquals(xml, codec.format(codec.parse(xml, 0), 0));
    }
}
