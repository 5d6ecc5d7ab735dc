package org.jvirt.driver.qemu.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/** The DAC seclabel read with libvirt's defaults, generated and formatted as libvirt prints it. */
class DomainSeclabelTest {
    private static final DomainXmlCodecImpl CODEC = new DomainXmlCodecImpl();
    private static final DacLabel QEMU = new DacLabel(64055, 108);

    private static DomainDef def(String seclabel) throws VirtException {
        return CODEC.parse("<domain type='qemu'><name>s</name><memory>65536</memory><os><type>hvm</type></os>"
                + seclabel + "</domain>", 0);
    }

    private static String live(String seclabel) throws VirtException {
        DomainDef d = def(seclabel);
        String xml = CODEC.format(DomainSeclabel.generate(DomainSeclabel.of(d), QEMU).applyTo(d), 0);
        return xml.substring(xml.indexOf("</devices>") + "</devices>\n".length(), xml.indexOf("</domain>"));
    }

    @Test
    void noSeclabelGetsADynamicOneWithTheConfiguredIds() throws VirtException {
        assertNull(DomainSeclabel.of(def("")));
        assertEquals("  <seclabel type='dynamic' model='dac' relabel='yes'>\n    <label>+64055:+108</label>\n"
                + "    <imagelabel>+64055:+108</imagelabel>\n  </seclabel>\n", live(""));
        // a label written into a dynamic seclabel is replaced at each start
        assertEquals(live(""), live("<seclabel type='dynamic' model='dac'><label>+1:+1</label></seclabel>"));
    }

    @Test
    void staticLabelsDoNotRelabelUnlessToldAndNoneHasNoLabel() throws VirtException {
        assertEquals("  <seclabel type='static' model='dac' relabel='no'>\n    <label>+0:+0</label>\n  </seclabel>\n",
                live("<seclabel type='static' model='dac'><label>+0:+0</label></seclabel>"));
        assertEquals("  <seclabel type='static' model='dac' relabel='yes'>\n    <label>+5:+6</label>\n"
                + "    <imagelabel>+5:+6</imagelabel>\n  </seclabel>\n",
                live("<seclabel type='static' relabel='yes'><label>+5:+6</label></seclabel>"));
        assertEquals("  <seclabel type='none' model='dac'/>\n", live("<seclabel type='none' model='dac'/>"));
    }

    @Test
    void libvirtsRefusalsWithItsMessages() {
        VirtException e = assertThrows(VirtException.class, () -> DomainSeclabel.of(
                def("<seclabel type='dynamic' model='dac' relabel='no'/>")));
        assertEquals("XML error: dynamic label type must use resource relabeling", e.getMessage());
        e = assertThrows(VirtException.class, () -> DomainSeclabel.of(def("<seclabel type='static' model='dac'/>")));
        assertEquals("XML error: security label is missing", e.getMessage());
        e = assertThrows(VirtException.class, () -> DomainSeclabel.of(def("<seclabel type='none' relabel='yes'/>")));
        assertEquals("XML error: resource relabeling is not compatible with 'none' label type", e.getMessage());
        e = assertThrows(VirtException.class, () -> DomainSeclabel.of(
                def("<seclabel type='dynamic' model='selinux'/>")));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: Unable to find security driver for model selinux", e.getMessage());
    }

    @Test
    void labelsParseNamesAndNumbers() throws VirtException {
        UnixIds ids = new UnixIds();
        assertEquals(new DacLabel(0, 0), DacLabel.parse("root:+0", ids));
        assertEquals(new DacLabel(107, 108), DacLabel.parse("+107:+108", ids));
        assertEquals("+107:+108", new DacLabel(107, 108).toString());
        VirtException e = assertThrows(VirtException.class, () -> DacLabel.parse("107", ids));
        assertEquals("invalid argument: Failed to parse uid and gid from '107'", e.getMessage());
        e = assertThrows(VirtException.class, () -> DacLabel.parse("no-such-user-here:+0", ids));
        assertEquals("invalid argument: Failed to parse user 'no-such-user-here'", e.getMessage());
        assertEquals(new DacLabel(4321, 0), DacLabel.parse("4321:root", ids), "a number nobody has is that number");
    }
}
