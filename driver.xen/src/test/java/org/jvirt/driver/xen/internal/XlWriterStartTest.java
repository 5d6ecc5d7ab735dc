package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The xl.cfg of a start says what libvirt's libxl builder gives libxl and its xl.cfg writer drops
 * or refuses; {@code domxml-to-native} stays libvirt's (the xl oracle checks both against xl).
 */
class XlWriterStartTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private DomainDef hvm(String features, String devices) throws VirtException {
        return codec.parse("<domain type='xen'><name>h</name><uuid>039e9ee6-4a84-3055-4c81-8ba426ae2656</uuid>"
                + "<memory>1048576</memory><vcpu>4</vcpu><cputune><shares>1500</shares>"
                + "<vcpupin vcpu='0' cpuset='2'/><vcpupin vcpu='2' cpuset='4-7,^5'/></cputune>"
                + "<os><type arch='x86_64' machine='xenfv'>hvm</type></os><features><acpi/><apic/><hap/>" + features
                + "</features><devices>" + devices + "</devices></domain>", DomainXmlCodec.PARSE_INACTIVE);
    }

    @Test
    void hostdevNicsHyperVGroupsPinsAndWeight() throws Exception {
        DomainDef def = hvm("<hyperv><vapic state='on'/><synic state='on'/></hyperv>",
                "<interface type='hostdev' managed='yes'><mac address='00:16:3e:2e:e7:fc'/><source><address type='pci'"
                        + " domain='0x0000' bus='0x0a' slot='0x10' function='0x0'/></source></interface>"
                        + "<serial type='udp'><source mode='connect' service='9999'/></serial>");
        String start = XlWriter.forStart().write(def);
        assertTrue(start.contains("pci = [ \"0000:0a:10.0\" ]"), start);
        assertFalse(start.contains("vif ="), start);
        assertTrue(start.contains("viridian = [ \"base\", \"time_ref_count\", \"reference_tsc\", \"apic_assist\", "
                + "\"crash_ctl\", \"synic\" ]"), start);
        assertTrue(start.contains("cpus = [ \"2\", \"all\", \"4,6-7\" ]"), start);
        assertTrue(start.contains("cpu_weight = 1500"), start);
        assertTrue(start.contains("hap = 1"), start);
        assertTrue(start.contains("serial = \"udp::9999@:0\""), start);

        VirtException native_ = assertThrows(VirtException.class, () -> XlWriter.toNative().write(def));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, native_.code());
        assertEquals("unsupported configuration: Unsupported net type 'hostdev'", native_.getMessage());
        String plain = XlWriter.toNative().write(hvm("<hyperv mode='passthrough'/>", ""));
        assertTrue(plain.contains("viridian = 0") && plain.contains("cpu_weight = 1500"), plain);
        assertFalse(plain.contains("hap = 1") || plain.contains("cpus = ["), plain);
        assertTrue(XlWriter.forStart().write(hvm("<hyperv mode='passthrough'/>", "")).contains("viridian = [ \"all\" ]"));
    }

    @Test
    void spiceSaysWhatLibvirtsBuilderSetsAtAStart() throws Exception {
        DomainDef def = hvm("", "<graphics type='spice' port='5901' autoport='no' keymap='de'><listen type='address'"
                + " address='0.0.0.0'/></graphics>");
        String start = XlWriter.forStart().write(def);
        assertTrue(start.contains("spiceagent_mouse = 1") && start.contains("spicevdagent = 0")
                && start.contains("spice_clipboard_sharing = 0") && start.contains("keymap = \"de\""), start);
        String plain = XlWriter.toNative().write(def);
        assertFalse(plain.contains("spiceagent_mouse") || plain.contains("spicevdagent") || plain.contains("keymap"), plain);
    }

    @Test
    void aPvGuestWithNothingToBootGetsPygrubAtAStartOnly() throws Exception {
        DomainDef def = codec.parse("<domain type='xen'><name>p</name><uuid>039e9ee6-4a84-3055-4c81-8ba426ae2656</uuid>"
                + "<memory>524288</memory><os><type arch='x86_64' machine='xenpv'>linux</type></os><devices/></domain>",
                DomainXmlCodec.PARSE_INACTIVE);
        assertTrue(XlWriter.forStart().write(def).contains("bootloader = \"pygrub\""));
        assertFalse(XlWriter.toNative().write(def).contains("bootloader"));
    }
}
