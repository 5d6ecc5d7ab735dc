package org.jvirt.secret.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.secret.internal.conf.SecretDef;
import org.jvirt.secret.internal.conf.SecretXml;
import org.jvirt.secret.internal.conf.Uuids;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** Secret XML against what libvirtd 9.0's secret driver answers for the same documents. */
class SecretXmlTest {
    private final SecretXml xml = new SecretXml(new DomainXmlCodecImpl());

    @Test
    void formatsAsLibvirt() throws VirtException {
        SecretDef d = xml.parse("<secret ephemeral='no' private='yes'><description>my volume</description>"
                + "<uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid><usage type='volume'>"
                + "<volume>/var/lib/libvirt/images/a.img</volume></usage></secret>", SecretXml.URL);
        assertEquals("<secret ephemeral='no' private='yes'>\n"
                + "  <uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>\n"
                + "  <description>my volume</description>\n"
                + "  <usage type='volume'>\n"
                + "    <volume>/var/lib/libvirt/images/a.img</volume>\n"
                + "  </usage>\n"
                + "</secret>\n", SecretXml.format(d));
        assertEquals(d, xml.parse(SecretXml.format(d), SecretXml.URL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "<secret><usage type='ceph'><name>client.admin secret</name></usage></secret>|CEPH|client.admin secret|name",
        "<secret><usage type='iscsi'><target>libvirtiscsi</target></usage></secret>|ISCSI|libvirtiscsi|target",
        "<secret><usage type='tls'><name>TLS_example</name></usage></secret>|TLS|TLS_example|name",
        "<secret><usage type='vtpm'><name>VTPM_example</name></usage></secret>|VTPM|VTPM_example|name",
        "<secret><usage type='volume'><volume>  spaced  </volume></usage></secret>|VOLUME|  spaced  |volume",
    })
    void usages(String doc, SecretUsageType type, String id, String element) throws VirtException {
        SecretDef d = xml.parse(doc, SecretXml.URL);
        assertEquals(type, d.usageType());
        assertEquals(id, d.usageId());
        assertNotNull(d.uuid());
        String out = SecretXml.format(d);
        assertEquals(true, out.contains("<usage type='" + type.xmlName() + "'>\n    <" + element + ">" + id + "</"),
                out);
    }

    @Test
    void noUsageAndNoUuid() throws VirtException {
        SecretDef d = xml.parse("<secret/>", SecretXml.URL);
        assertEquals(SecretUsageType.NONE, d.usageType());
        assertNull(d.usageId());
        assertEquals("", d.ref().usageId());
        assertEquals(false, SecretXml.format(d).contains("usage"));
    }

    @Test
    void escapesDescription() throws VirtException {
        SecretDef d = xml.parse("<secret><description> d &amp; &lt; ' \" </description></secret>", SecretXml.URL);
        assertEquals(" d & < ' \" ", d.description());
        assertEquals(true, SecretXml.format(d).contains("<description> d &amp; &lt; &apos; &quot; </description>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<secret ephemeral='maybe'/>|XML_ERROR|XML error: invalid value of 'ephemeral'",
        "<secret private='maybe'/>|XML_ERROR|XML error: invalid value of 'private'",
        "<secret><uuid>zzz</uuid></secret>|INTERNAL_ERROR|internal error: malformed uuid element",
        "<secrets/>|XML_ERROR|XML error: expecting root element of 'secret', not 'secrets'",
        "<secret><usage type='foo'/></secret>|CONFIG_UNSUPPORTED|unsupported configuration: unknown secret usage type foo",
        "<secret><usage/></secret>|XML_ERROR|XML error: unknown secret usage type",
        "<secret><usage type='volume'/></secret>|INTERNAL_ERROR|internal error: volume usage specified, but volume path is missing",
        "<secret><usage type='ceph'/></secret>|INTERNAL_ERROR|internal error: Ceph usage specified, but name is missing",
        "<secret><usage type='iscsi'/></secret>|INTERNAL_ERROR|internal error: iSCSI usage specified, but target is missing",
        "<secret><usage type='tls'/></secret>|INTERNAL_ERROR|internal error: TLS usage specified, but name is missing",
        "<secret><usage type='vtpm'/></secret>|INTERNAL_ERROR|internal error: vTPM usage specified, but name is missing",
    })
    void errorsAsLibvirt(String doc, ErrorCode code, String message) {
        VirtException e = assertThrows(VirtException.class, () -> xml.parse(doc, SecretXml.URL));
        assertEquals(code, e.code());
        assertEquals(ErrorDomain.SECRET, e.domain());
        assertEquals(message, e.getMessage());
    }

    @Test
    void uuidsAsVirUuidParse() {
        UUID u = UUID.fromString("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f");
        assertEquals(u, Uuids.parse("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f"));
        assertEquals(u, Uuids.parse("  0a81f5b284037b23c8d621ccc2f80d6f\n"));
        assertEquals(u, Uuids.parse("0a-81-f5b2-8403-7b23-c8d6-21ccc2f80d6f"));
        assertNull(Uuids.parse("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6"));
        assertNull(Uuids.parse("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f0"));
        assertNull(Uuids.parse("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6g"));
        assertNull(Uuids.parse("0a8-1f5b2-8403-7b23-c8d6-21ccc2f80d6f"));
    }
}
