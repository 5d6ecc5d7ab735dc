package org.jvirt.secret.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code VIR_SECRET_DEFINE_VALIDATE}: the XML is validated against libvirt's {@code secret.rng}
 * (from the conformance data's {@code schemas}) before it is read, libvirt's schema error when not.
 */
class SecretValidateTest {
    private static final int VALIDATE = 1;
    private static final String UUID = "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f";

    @TempDir
    Path dir;
    private Path schemas;
    private SecretDriverConnection secrets;

    @BeforeEach
    void open() throws VirtException {
        schemas = LibvirtTestData.require("schemas").resolve("schemas");
        secrets = new SecretDriverComponent(new FileStateStore(dir.resolve("state")), new DomainXmlCodecImpl(),
                dir.resolve("master.key"), schemas).open(0);
    }

    @Test
    void aValidSecretIsDefined() throws VirtException {
        String xml = "<secret ephemeral='no' private='yes'><uuid>" + UUID + "</uuid><description>disk</description>"
                + "<usage type='volume'><volume>/var/lib/images/a.img</volume></usage></secret>";
        assertEquals(UUID, secrets.defineXml(xml, VALIDATE).uuid().toString());
    }

    @Test
    void anElementTheSchemaDoesNotKnowIsRefusedOnlyWhenValidating() throws VirtException {
        String xml = "<secret><uuid>" + UUID + "</uuid><colour>red</colour></secret>";
        VirtException e = assertThrows(VirtException.class, () -> secrets.defineXml(xml, VALIDATE));
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, e.code());
        assertEquals(ErrorDomain.SECRET, e.domain());
        assertTrue(e.getMessage().startsWith("XML document failed to validate against schema: Unable to validate doc "
                + "against " + schemas.resolve("secret.rng") + "\n"), e.getMessage());
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        // libvirt's parser ignores what it does not know
        assertEquals(UUID, secrets.defineXml(xml, 0).uuid().toString());
    }

    @Test
    void aBadAttributeValueIsASchemaErrorBeforeTheParsersOwn() {
        String xml = "<secret ephemeral='maybe'><uuid>" + UUID + "</uuid></secret>";
        VirtException validated = assertThrows(VirtException.class, () -> secrets.defineXml(xml, VALIDATE));
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, validated.code());
        VirtException parsed = assertThrows(VirtException.class, () -> secrets.defineXml(xml, 0));
        assertEquals("XML error: invalid value of 'ephemeral'", parsed.getMessage());
    }

    @Test
    void aDocumentThatIsNotWellFormedGetsTheParsersError() {
        String xml = "<secret><uuid>" + UUID + "</secret>";
        VirtException validated = assertThrows(VirtException.class, () -> secrets.defineXml(xml, VALIDATE));
        VirtException parsed = assertThrows(VirtException.class, () -> secrets.defineXml(xml, 0));
        assertEquals(parsed.code(), validated.code());
        assertEquals(parsed.getMessage(), validated.getMessage());
    }

    @Test
    void noSchemaIsAnInternalErrorNamingIt() throws VirtException {
        SecretDriverConnection noSchemas = new SecretDriverComponent(new FileStateStore(dir.resolve("state2")),
                new DomainXmlCodecImpl(), dir.resolve("master2.key"), dir.resolve("none")).open(0);
        VirtException e = assertThrows(VirtException.class,
                () -> noSchemas.defineXml("<secret><uuid>" + UUID + "</uuid></secret>", VALIDATE));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: Unable to create RNG parser for "
                + dir.resolve("none/secret.rng")), e.getMessage());
    }
}
