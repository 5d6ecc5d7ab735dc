package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;

/** What DomainXmlFuzzTest found, as plain unit tests (its inputs stay in the fuzz corpus too). */
class DomainXmlFuzzFindingsTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    /** Stray text between the elements of an element the model reads was formatted as {@code <#text>}. */
    @Test
    void textBetweenModelledElementsIsDropped() throws VirtException {
        String clean = DomainXmlCodecImplTest.SIMPLE;
        String stray = clean.replace("  <vcpu", ",\n  <vcpu").replace("    <boot", "  x  <boot");
        String formatted = codec.format(codec.parse(stray, 0), 0);
        assertEquals(codec.format(codec.parse(clean, 0), 0), formatted);
        assertEquals(formatted, codec.format(codec.parse(formatted, 0), 0));
    }

    /** The JDK's parser threw MissingResourceException for a bad character in a DOCTYPE. */
    @Test
    void badCharacterInADoctypeIsAnXmlError() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"xq\0\0\0<domai;</name></domain>";
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(xml, 0));
        assertEquals(ErrorCode.XML_DETAIL, e.code());
    }

    /** Integer.parseInt read '-4' as a byte of a MAC address, formatted as 'fffffffc'. */
    @Test
    void macAddressBytesAreHexDigitsOnly() {
        for (String mac : new String[] {"52:-4:00:12:34:56", "52:+4:00:12:34:56", "52:\u0664:00:12:34:56"}) {
            String xml = DomainXmlCodecImplTest.SIMPLE.replace("  <devices>\n",
                    "  <devices>\n    <interface type='user'>\n      <mac address='" + mac + "'/>\n    </interface>\n");
            VirtException e = assertThrows(VirtException.class, () -> codec.parse(xml, 0), mac);
            assertEquals("XML error: unable to parse mac address '" + mac + "'", e.getMessage());
        }
    }

    /** A set that excludes all it names ('1,^1') was formatted as cpuset='', which does not parse. */
    @Test
    void emptyCpuSetsAreRefused() {
        String xml = DomainXmlCodecImplTest.SIMPLE.replace("  <os>", "  <cputune>\n    <vcpupin vcpu='0' cpuset='1,^1'/>\n  </cputune>\n  <os>");
        VirtException e = assertThrows(VirtException.class, () -> codec.parse(xml, 0));
        assertEquals("unsupported configuration: Invalid value of 'cpuset': 1,^1", e.getMessage());
        String vcpu = DomainXmlCodecImplTest.SIMPLE.replace("<vcpu placement='static'>", "<vcpu placement='static' cpuset='0,^0'>");
        assertThrows(VirtException.class, () -> codec.parse(vcpu, 0));
    }
}
