package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** The conversions' answers outside libvirt's data: errors, secrets, round trips. */
class NativeFormatsTest {
    private static final String HVM = """
            name = "g"
            uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
            memory = 256
            builder = "hvm"
            vnc = 1
            vncpasswd = "secret"
            disk = [ "format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/vg/g" ]
            """;

    private final NativeFormats formats = new NativeFormats(new DomainXmlCodecImpl());

    @Test
    void fromNativeLeavesSecretsOutAsLibvirtsDriver() throws VirtException {
        String xml = formats.fromNative(NativeFormats.XL, HVM);
        assertTrue(xml.contains("<graphics type='vnc' port='-1' autoport='yes'"), xml);
        assertFalse(xml.contains("secret"), xml);
        assertTrue(xml.contains("<memory unit='KiB'>262144</memory>"), xml);
    }

    @Test
    void aConfigurationRoundTripsThroughTheModel() throws VirtException {
        String xml = formats.fromNative(NativeFormats.XL, HVM);
        String cfg = formats.toNative(NativeFormats.XL, xml);
        assertTrue(cfg.contains("disk = [ \"format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/vg/g\" ]"), cfg);
        assertTrue(cfg.contains("builder = \"hvm\""), cfg);
        // the same definition in the xm format
        String xm = formats.toNative(NativeFormats.XM, xml);
        assertTrue(xm.contains("disk = [ \"phy:/dev/vg/g,hda,w\" ]"), xm);
    }

    @Test
    void errorsNameTheProblem() {
        VirtException noName = assertThrows(VirtException.class,
                () -> formats.fromNative(NativeFormats.XL, "memory = 128\n"));
        assertEquals("internal error: config value name was missing", noName.getMessage());
        VirtException syntax = assertThrows(VirtException.class,
                () -> formats.fromNative(NativeFormats.XL, "name = \"g\"\nmemory = \n"));
        assertEquals(ErrorCode.CONF_SYNTAX, syntax.code());
        assertTrue(syntax.getMessage().contains(":2: "), syntax.getMessage());
        VirtException pci = assertThrows(VirtException.class,
                () -> formats.fromNative(NativeFormats.XL, "name = \"g\"\npci = [ \"01:1a\" ]\n"));
        assertEquals("internal error: Malformed PCI address 1a", pci.getMessage());
        VirtException network = assertThrows(VirtException.class, () -> formats.toNative(NativeFormats.XL,
                "<domain type='xen'><name>g</name><memory>131072</memory><os><type>linux</type></os>"
                        + "<devices><interface type='network'><source network='default'/></interface></devices>"
                        + "</domain>"));
        assertEquals(43, network.rawCode());   // VIR_ERR_NO_NETWORK: jvirt has no network driver to ask
        assertEquals("Network not found: default", network.getMessage());
        VirtException badXml = assertThrows(VirtException.class,
                () -> formats.toNative(NativeFormats.XM, "<domain"));
        assertEquals(ErrorCode.XML_DETAIL, badXml.code());   // libxml2's parse error, with the position
    }
}
