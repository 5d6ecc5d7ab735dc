package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;

/** The one XML reader: what hostile input gets, in libxml2's words where libvirt passes them on. */
class SafeXmlReaderTest {
    private static final String SIMPLE = DomainXmlCodecImplTest.SIMPLE;
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private VirtException refused(String xml) {
        return assertThrows(VirtException.class, () -> codec.parse(xml, 0));
    }

    private static String withName(String name) {
        return SIMPLE.replace("<name>web1</name>", "<name>" + name + "</name>");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() {
        for (String doctype : List.of("<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>",
                "<!DOCTYPE domain [<!ENTITY x SYSTEM 'http://127.0.0.1:9/x'>]>",
                "<!DOCTYPE domain [<!ENTITY a 'aaaaaaaaaa'><!ENTITY x '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>")) {
            VirtException e = refused(doctype + withName("&x;"));
            assertEquals(ErrorCode.XML_ERROR, e.code(), e.getMessage());
            assertEquals("XML error: DOCTYPE declarations are not allowed in (domain_definition)", e.getMessage());
        }
        VirtException undeclared = refused(withName("&x;"));
        assertTrue(undeclared.getMessage().startsWith("(domain_definition):2: "), undeclared.getMessage());
    }

    @Test
    void charactersXmlDoesNotAllowGetLibxml2Messages() {
        VirtException control = refused(withName("a\u0001b"));
        assertEquals("(domain_definition):2: PCDATA invalid Char value 1", control.getMessage());
        assertEquals(ErrorDomain.DOMAIN, control.domain(), "libvirt reports domain XML errors from VIR_FROM_DOMAIN");
        assertEquals("(domain_definition):2: xmlParseCharRef: invalid xmlChar value 1",
                refused(withName("a&#1;b")).getMessage());
        assertEquals("(domain_definition):2: xmlParseCharRef: invalid xmlChar value 27",
                refused(withName("a&#x1b;b")).getMessage());
        VirtException attr = refused(SIMPLE.replace("<boot dev='hd'/>", "<boot dev='h\u0002d'/>"));
        assertEquals(ErrorCode.XML_DETAIL, attr.code());
        assertTrue(attr.getMessage().endsWith(": invalid character in attribute value"), attr.getMessage());
    }

    @Test
    void textAndAttributeValuesAreBoundedAsInLibxml2() throws VirtException {
        String huge = "x".repeat(SafeXmlReader.MAX_TEXT + 1);
        VirtException text = refused(SIMPLE.replace("</domain>", "<description>" + huge + "</description></domain>"));
        assertTrue(text.getMessage().endsWith(": xmlSAX2Characters: huge text node"), text.getMessage());
        VirtException attr = refused(SIMPLE.replace("</domain>",
                "<metadata><m:x xmlns:m='urn:x' v='" + huge + "'/></metadata></domain>"));
        assertTrue(attr.getMessage().endsWith(": AttValue length too long"), attr.getMessage());
        // 4 MiB of description is fine (libvirt accepts it too)
        String big = "d".repeat(4 * 1024 * 1024);
        DomainDef def = codec.parse(SIMPLE.replace("</domain>", "<description>" + big + "</description></domain>"), 0);
        assertEquals(big, def.description());
    }

    @Test
    void elementAndAttributeCountsAreBounded() {
        String many = "<m:x xmlns:m='urn:x'>" + "<m:y/>".repeat(SafeXmlReader.MAX_ELEMENTS) + "</m:x>";
        VirtException e = refused(SIMPLE.replace("</domain>", "<metadata>" + many + "</metadata></domain>"));
        assertEquals(ErrorCode.XML_DETAIL, e.code());
        assertTrue(e.getMessage().endsWith(": document has more than 100000 elements"), e.getMessage());
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i <= SafeXmlReader.MAX_ATTRIBUTES; i++) {
            attrs.append(" a").append(i).append("='1'");
        }
        VirtException a = refused(SIMPLE.replace("</domain>",
                "<metadata><m:x xmlns:m='urn:x'" + attrs + "/></metadata></domain>"));
        assertTrue(a.getMessage().endsWith(": element m:x has more than 256 attributes"), a.getMessage());
    }

    @Test
    void namesFollowLibvirtsGenericRules() throws VirtException {
        VirtException slash = refused(withName("a/b"));
        assertEquals(ErrorCode.XML_ERROR, slash.code());
        assertEquals("XML error: name a/b cannot contain '/'", slash.getMessage());
        // what libvirt's generic parser accepts: dots, unicode, long names (drivers may add rules)
        for (String name : List.of("..", ".", "r\u00e9seau-\u65e5\u672c", "x".repeat(1000), "a\tb")) {
            assertEquals(name, codec.parse(withName(name), 0).name());
        }
    }

    @Test
    void treesBuiltElsewhereHaveTheReadersBounds() throws VirtException {
        XmlElement root = codec.readXml(SIMPLE, "(domain_definition)", ErrorDomain.DOMAIN);
        assertEquals("web1", codec.parse(root, 0, null).name());
        XmlElement deep = XmlElement.of("x");
        for (int i = 0; i < 300; i++) {
            deep = XmlElement.of("x").withChildren(List.of(deep));
        }
        XmlElement tooDeep = root.withChildren(append(root.children(), XmlElement.of("metadata")
                .withChildren(List.of(deep))));
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(tooDeep, 0, null));
        assertTrue(e.getMessage().contains("Excessive depth in document: 256"), e.getMessage());
    }

    /** Formatting works through a list, not the stack, and libxml2's 60-space indentation cap keeps it linear. */
    @Test
    void formattingDeepTreesNeitherOverflowsNorGrowsQuadratically() throws VirtException {
        XmlElement deep = XmlElement.of("m:x");
        int levels = 50_000;
        for (int i = 0; i < levels; i++) {
            deep = XmlElement.of("m:x").withChildren(List.of(deep));
        }
        XmlElement metadata = XmlElement.of("metadata").withChildren(List.of(deep.withAttribute("xmlns:m", "urn:x")));
        DomainDef def = codec.parse(SIMPLE, 0).toBuilder().metadata(metadata).build();
        String xml = codec.format(def, 0);
        long lines = xml.lines().count();
        assertTrue(xml.length() < SIMPLE.length() + (levels + 1) * 2L * (60 + 10), "length " + xml.length());
        assertTrue(lines > levels * 2L, "lines " + lines);
        assertFalse(xml.lines().anyMatch(l -> l.startsWith(" ".repeat(61))));
    }

    /**
     * What jvirt formats must read back after a restart, even from the worst a client can send in
     * libvirt's 4 MiB: text that escaping makes six times longer, and the most elements at the
     * deepest level unknown content can have (a part of the 4 MiB of text, to keep the test quick:
     * output grows linearly, so 4 MiB formats to under 32 MiB, half of {@code MAX_CHARS}).
     */
    @Test
    void theLargestFormattedDefinitionsReadBack() throws VirtException {
        String quotes = "\"".repeat(1_500_000);
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            deep.append("<m:x").append(i == 0 ? " xmlns:m='urn:x'" : "").append('>');
        }
        deep.append("<m:y/>".repeat(SafeXmlReader.MAX_ELEMENTS - 400));
        for (int i = 0; i < 250; i++) {
            deep.append("</m:x>");
        }
        String xml = SIMPLE.replace("</domain>", "<description>" + quotes + "</description>"
                + "<metadata>" + deep + "</metadata></domain>");
        assertTrue(xml.length() <= 4 * 1024 * 1024, "input " + xml.length());
        DomainDef def = codec.parse(xml, 0);
        String formatted = codec.format(def, 0);
        assertTrue(formatted.length() < SafeXmlReader.MAX_CHARS, "formatted " + formatted.length());
        assertEquals(formatted, codec.format(codec.parse(formatted, 0), 0));
        // unknown elements elsewhere are indented as deep as libxml2 indents metadata, no deeper
        String unknown = codec.format(codec.parse(SIMPLE.replace("</domain>",
                "<x>".repeat(200) + "</x>".repeat(200) + "</domain>"), 0), 0);
        assertFalse(unknown.lines().anyMatch(l -> l.startsWith(" ".repeat(61))), "indented past 60");
        assertTrue(unknown.lines().filter(l -> l.startsWith(" ".repeat(60) + "<x")).count() > 100, unknown);
    }

    private static List<XmlElement> append(List<XmlElement> list, XmlElement e) {
        List<XmlElement> out = new ArrayList<>(list);
        out.add(e);
        return out;
    }
}
