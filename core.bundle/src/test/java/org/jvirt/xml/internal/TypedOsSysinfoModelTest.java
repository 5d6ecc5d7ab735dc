package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.LaunchSecurity;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Sysinfo;

/** The typed firmware side of {@code <os>}, {@code <sysinfo>} and {@code <launchSecurity>}. */
class TypedOsSysinfoModelTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private static String domain(String os, String top) {
        return """
                <domain type='kvm'>
                  <name>t</name>
                  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                  <memory unit='KiB'>1048576</memory>
                  <vcpu placement='static'>1</vcpu>
                """ + top + """
                  <os>
                    <type arch='x86_64' machine='q35'>hvm</type>
                """ + os + """
                  </os>
                  <devices/>
                </domain>
                """;
    }

    private DomainDef parse(String os, String top) throws VirtException {
        return codec.parse(domain(os, top), 0);
    }

    @Test
    void osFirmwareElementsAreTyped() throws VirtException {
        Os os = parse("""
                <firmware><feature enabled='yes' name='secure-boot'/><feature enabled='no' name='enrolled-keys'/></firmware>
                <loader format='qcow2' type='pflash' readonly='yes' stateless='no' secure='yes'>/f/CODE.qcow2</loader>
                <nvram template='/f/VARS.qcow2' format='qcow2' templateFormat='qcow2'>/var/n.qcow2</nvram>
                <dtb>/d.dtb</dtb>
                <acpi><table type='slic'>/s.dat</table></acpi>
                <bios useserial='yes' rebootTimeout='-1'/>
                <smbios mode='sysinfo'/>
                <shim>/s.efi</shim>
                """, "").os();
        assertEquals(new Os.Loader("/f/CODE.qcow2", "yes", "yes", "pflash", "no", "qcow2", os.loader().other()),
                os.loader());
        assertEquals("/var/n.qcow2", os.nvram().path());
        assertEquals("/f/VARS.qcow2", os.nvram().template());
        assertEquals("qcow2", os.nvram().format());
        assertEquals("qcow2", os.nvram().templateFormat());
        assertEquals(new Os.Bios("yes", -1), os.bios());
        assertEquals("sysinfo", os.smbiosMode());
        assertEquals("/d.dtb", os.dtb());
        assertEquals(List.of(new Os.AcpiTable("slic", "/s.dat")), os.acpiTables());
        assertEquals(List.of(new Os.FirmwareFeature("yes", "secure-boot"), new Os.FirmwareFeature("no", "enrolled-keys")),
                os.firmwareFeatures());
        assertEquals("shim", os.other().children().get(0).name());
    }

    @Test
    void osFormatsInLibvirtOrder() throws VirtException {
        String xml = codec.format(parse("""
                <smbios mode='host'/>
                <bios rebootTimeout='0' useserial='no'/>
                <nvram format='raw' template='/t'/>
                <loader format='raw' stateless='yes' readonly='yes' type='pflash'>/c</loader>
                """, ""), 0);
        assertTrue(xml.contains("<loader readonly='yes' type='pflash' stateless='yes' format='raw'>/c</loader>\n"
                + "    <nvram template='/t' format='raw'/>"), xml);
        assertTrue(xml.contains("<bios useserial='no' rebootTimeout='0'/>"), xml);
        assertTrue(xml.contains("<boot dev='hd'/>\n    <smbios mode='host'/>"), xml);
        assertEquals(xml, codec.format(codec.parse(xml, 0), 0));
    }

    @Test
    void badRebootTimeoutIsAnXmlError() {
        VirtException e = assertThrows(VirtException.class, () -> parse("<bios rebootTimeout='70000'/>", ""));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("invalid value for rebootTimeout, must be in range [-1,65535]"), e.getMessage());
    }

    @Test
    void sysinfoIsTypedAndRoundTrips() throws VirtException {
        String top = """
                  <sysinfo type='smbios'>
                    <bios>
                      <entry name='vendor'>LENOVO</entry>
                    </bios>
                    <system>
                      <entry name='manufacturer'>Fedora</entry>
                      <entry name='uuid'>c7a5fdbd-edaf-9455-926a-d65c16db1809</entry>
                    </system>
                    <baseBoard>
                      <entry name='serial'>1</entry>
                    </baseBoard>
                    <baseBoard>
                      <entry name='serial'>2</entry>
                    </baseBoard>
                    <chassis>
                      <entry name='asset'>a</entry>
                    </chassis>
                    <oemStrings>
                      <entry>myappname:some arbitrary data</entry>
                    </oemStrings>
                  </sysinfo>
                  <sysinfo type='fwcfg'>
                    <entry name='opt/com.example/name'>example value</entry>
                    <entry name='opt/com.coreos/config' file='/tmp/provision.ign'/>
                  </sysinfo>
                """;
        DomainDef def = parse("", top);
        Sysinfo s = def.sysinfo().get(0);
        assertEquals("smbios", s.type());
        assertEquals(List.of(new Sysinfo.Entry("vendor", "LENOVO")), s.bios());
        assertEquals("c7a5fdbd-edaf-9455-926a-d65c16db1809", s.systemEntry("uuid"));
        assertEquals(2, s.baseBoards().size());
        assertEquals("2", s.baseBoards().get(1).entries().get(0).value());
        assertEquals(List.of("myappname:some arbitrary data"), s.oemStrings());
        Sysinfo fw = def.sysinfo().get(1);
        assertEquals(List.of(new Sysinfo.FwCfgEntry("opt/com.example/name", null, "example value"),
                new Sysinfo.FwCfgEntry("opt/com.coreos/config", "/tmp/provision.ign", null)), fw.entries());
        String xml = codec.format(def, 0);
        assertTrue(xml.contains(top), xml);
        assertEquals(def.sysinfo(), codec.parse(xml, 0).sysinfo());
    }

    @Test
    void sysinfoWithoutTypeIsAnError() {
        VirtException e = assertThrows(VirtException.class, () -> parse("", "<sysinfo><system/></sysinfo>"));
        assertTrue(e.getMessage().contains("sysinfo must contain a type attribute"), e.getMessage());
    }

    @Test
    void launchSecurityIsTypedAndPolicyKeepsLibvirtsNotation() throws VirtException {
        String sev = """
                  <launchSecurity type='sev' kernelHashes='yes'>
                    <cbitpos>47</cbitpos>
                    <reducedPhysBits>1</reducedPhysBits>
                    <policy>0x0001</policy>
                    <dhCert>AQAA</dhCert>
                    <session>IHAV</session>
                  </launchSecurity>
                """;
        DomainDef def = parse("", sev);
        LaunchSecurity ls = def.launchSecurity();
        assertEquals("sev", ls.type());
        assertEquals("yes", ls.kernelHashes());
        assertEquals(47, ls.cbitpos());
        assertEquals(1, ls.reducedPhysBits());
        assertEquals(1L, ls.policy());
        assertEquals("AQAA", ls.dhCert());
        assertEquals("IHAV", ls.session());
        assertTrue(codec.format(def, 0).contains(sev), codec.format(def, 0));

        String snp = """
                  <launchSecurity type='sev-snp' authorKey='yes' vcek='no'>
                    <cbitpos>47</cbitpos>
                    <reducedPhysBits>1</reducedPhysBits>
                    <policy>0x00030000</policy>
                    <guestVisibleWorkarounds>bGli</guestVisibleWorkarounds>
                    <hostData>bGlo</hostData>
                  </launchSecurity>
                """;
        LaunchSecurity s = parse("", snp).launchSecurity();
        assertEquals(0x30000L, s.policy());
        assertEquals("yes", s.authorKey());
        assertEquals("no", s.vcek());
        assertEquals("bGlo", s.hostData());
        assertTrue(codec.format(parse("", snp), 0).contains(snp));

        LaunchSecurity pv = parse("", "<launchSecurity type='s390-pv'/>").launchSecurity();
        assertEquals("s390-pv", pv.type());
        assertNull(pv.policy());
    }

    @Test
    void badLaunchSecurityNumberIsAnXmlError() {
        VirtException e = assertThrows(VirtException.class, () -> parse("",
                "<launchSecurity type='sev'><cbitpos>x</cbitpos><policy>0x1</policy></launchSecurity>"));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("failed to get launch security cbitpos"), e.getMessage());
    }
}
