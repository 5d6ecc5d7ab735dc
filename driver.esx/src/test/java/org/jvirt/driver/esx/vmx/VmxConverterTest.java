package org.jvirt.driver.esx.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** The converter's rules and errors beyond libvirt's data files, with vmx.c's codes and messages. */
class VmxConverterTest {
    private static final String HEAD = "config.version = \"8\"\nvirtualHW.version = \"4\"\n";
    private static final String XML = """
            <domain type='%s'>
              <name>vm1</name>
              <uuid>564d9bef-acd9-b4e0-c8f0-aea8b9103515</uuid>
              <memory unit='KiB'>%s</memory>
              %s
              <os><type>hvm</type></os>
              <devices>%s</devices>
            </domain>
            """;

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final VmxConverter converter = new VmxConverter(codec);
    private final VmxContext ctx = VmxContext.of(new HarnessFileNames());

    private VirtException parseError(String vmx) {
        return assertThrows(VirtException.class, () -> converter.parse(vmx, ctx));
    }

    private static void assertError(ErrorCode code, String detail, VirtException e) {
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().endsWith(detail), e.getMessage());
    }

    @Test
    void aMinimalFileIsAnI686GuestWith32MiBAndTheSvgaAdapter() throws VirtException {
        DomainDef def = converter.parse(HEAD + "displayName = \"a|22b%2fc\"\n", ctx);
        assertEquals("a\"b/c", def.name());
        assertEquals(32768, def.memory().kib());
        assertEquals(1, def.vcpu().count());
        assertEquals("i686", def.os().arch());
        assertTrue(def.os().bootDevices().isEmpty());
        String xml = codec.format(def, DomainXmlCodec.FORMAT_INACTIVE);
        assertTrue(xml.contains("<model type='vmvga' vram='4096' primary='yes'/>"), xml);
    }

    @Test
    void aFileWithoutDisplayNameFormatsWithoutName() throws VirtException {
        String xml = converter.fromNative(HEAD, ctx);
        assertTrue(xml.startsWith("<domain type='vmware'>\n  <uuid>00000000-0000-0000-0000-000000000000</uuid>"), xml);
        // fuzz finding: such a definition cannot be written back (VmxFuzzTestInputs/.../finding-no-display-name)
        VirtException e = assertThrows(VirtException.class, () -> converter.format(converter.parse(HEAD, ctx), ctx));
        assertEquals(ErrorCode.NO_NAME, e.code());
    }

    @Test
    void versionsAndNumbersAreCheckedWithVmxMessages() {
        assertError(ErrorCode.INTERNAL_ERROR, "Expecting VMX entry 'config.version' to be 8 but found 7",
                parseError("config.version = \"7\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "Missing essential config entry 'virtualHW.version'",
                parseError("config.version = \"8\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR,
                "Expecting VMX entry 'virtualHW.version' to be 4 or higher but found 3",
                parseError("config.version = \"8\"\nvirtualHW.version = \"3\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR,
                "Expecting VMX entry 'memsize' to be an unsigned integer (multiple of 4) but found 30",
                parseError(HEAD + "memsize = \"30\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "Config entry 'numvcpus' must represent an integer value",
                parseError(HEAD + "numvcpus = \"two\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR,
                "Config entry 'scsi0.present' must represent a boolean value (true|false)",
                parseError(HEAD + "scsi0.present = \"yes\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "Expecting VMX entry 'sched.cpu.affinity' to contain at least as many "
                + "values as 'numvcpus' (1) but found only 0 value(s)", parseError(HEAD + "sched.cpu.affinity = \"\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "Expecting VMX entry 'sched.cpu.affinity' to be a comma separated list "
                + "of unsigned integers but found '1,x'", parseError(HEAD + "sched.cpu.affinity = \"1,x\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "VMX entry 'firmware' has unknown value 'bios'",
                parseError(HEAD + "firmware = \"bios\"\n"));
        VirtException e = parseError(HEAD + "numvcpus = 2\n");
        assertError(ErrorCode.CONF_SYNTAX, "memory conf:3: numbers not allowed in VMX format", e);
        assertEquals(ErrorDomain.CONF, e.domain());
        assertEquals(ErrorDomain.NONE, parseError("config.version = \"7\"\n").domain());
    }

    @Test
    void devicesAreCheckedWithVmxMessages() {
        assertError(ErrorCode.INTERNAL_ERROR, "Expecting VMX entry 'ethernet0.virtualDev' to be 'vlance' or 'vmxnet' "
                + "or 'vmxnet3' or 'e1000' or 'e1000e' but found 'rtl8139'",
                parseError(HEAD + "ethernet0.present = \"true\"\nethernet0.virtualDev = \"rtl8139\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "failed to parse the index of the VMX key 'ethernetX.present'",
                parseError(HEAD + "ethernetX.present = \"true\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "Expecting VMX entry 'scsi0.virtualDev' to be 'buslogic' or 'lsilogic' "
                + "or 'lsisas1068' or 'pvscsi' but found 'auto'",
                parseError(HEAD + "scsi0.present = \"true\"\nscsi0.virtualDev = \"AUTO\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "Invalid or not yet handled value 'disk.raw' for VMX entry "
                + "'ide0:0.fileName' for device type 'unknown'",
                parseError(HEAD + "ide0:0.present = \"true\"\nide0:0.fileName = \"disk.raw\"\n"));
        assertError(ErrorCode.INTERNAL_ERROR, "VMX entry 'serial0.fileName' doesn't contain a port part",
                parseError(HEAD + "serial0.present = \"true\"\nserial0.fileType = \"network\"\n"
                        + "serial0.fileName = \"telnet://host\"\n"));
    }

    @Test
    void aSerialPortBehindAConcentratorReadsAsNullAndIsTheConsole() throws VirtException {
        DomainDef def = converter.parse(HEAD + "serial0.present = \"true\"\nserial0.fileType = \"network\"\n"
                + "serial0.fileName = \"opaque\"\nserial0.vspc = \"telnets://10.0.0.1:18979\"\n", ctx);
        List<CharDevice> chars = def.devices().charDevices();
        assertEquals(List.of("serial", "console"), chars.stream().map(CharDevice::elementName).toList());
        assertEquals("null", chars.get(0).type());
        assertEquals("null", chars.get(1).type());
    }

    @Test
    void theEncodingEntryNamesTheCharacterSetOfTheFile() throws VirtException {
        byte[] vmx = (".encoding = \"windows-1252\"\n" + HEAD + "displayName = \"caf\u00e9\"\n")
                .getBytes(Charset.forName("windows-1252"));
        assertEquals("caf\u00e9", converter.parse(vmx, ctx).name());
        assertError(ErrorCode.INTERNAL_ERROR, "libxml2 doesn't handle no-such-set encoding",
                parseError(".encoding = \"no-such-set\"\n" + HEAD));
    }

    @Test
    void xmlIsWrittenAsVmxAndReadBack() throws VirtException {
        String xml = XML.formatted("vmware", "1048576", "<vcpu>2</vcpu>", """
                <disk type='file' device='disk'><source file='[ds1] vm1/vm1.vmdk'/><target dev='sda' bus='scsi'/></disk>
                <interface type='bridge'><mac address='00:50:56:11:22:33'/><source bridge='VM Network'/></interface>
                """);
        String vmx = converter.toNative(xml, ctx.withVirtualHwVersion(7));
        assertTrue(vmx.contains("scsi0:0.fileName = \"/vmfs/volumes/ds1/vm1/vm1.vmdk\"\n"), vmx);
        assertTrue(vmx.contains("ethernet0.addressType = \"static\"\nethernet0.address = \"00:50:56:11:22:33\"\n"), vmx);
        assertTrue(vmx.endsWith("vmci0.present = \"true\"\n"), vmx);
        DomainDef back = converter.parse(vmx, ctx);
        assertEquals("vm1", back.name());
        assertEquals(2, back.vcpu().count());
        assertEquals("[ds1] vm1/vm1.vmdk", back.devices().disks().get(0).sourcePath());
        assertEquals("00:50:56:11:22:33", back.devices().interfaces().get(0).mac());
    }

    @Test
    void whatVmxCannotExpressIsRefused() {
        assertError(ErrorCode.INTERNAL_ERROR, "Expecting virt type to be 'vmware' but found 'kvm'",
                assertThrows(VirtException.class, () -> converter.format(codec.parse(
                        XML.formatted("kvm", "4096", "", ""), DomainXmlCodec.PARSE_INACTIVE), ctx)));
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported graphics type 'spice'", toNativeError("4096", "",
                "<graphics type='spice'/>"));
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "No support for domain XML entry 'vcpu' attribute 'current'",
                toNativeError("4096", "<vcpu current='1'>2</vcpu>", ""));
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported bus type 'sata'", toNativeError("4096", "",
                "<disk type='file' device='disk'><source file='/a.vmdk'/><target dev='sda' bus='sata'/></disk>"));
        assertError(ErrorCode.INTERNAL_ERROR, "Disk address 0:0:3 doesn't match target device 'sda'",
                toNativeError("4096", "", "<disk type='file' device='disk'><source file='/a.vmdk'/>"
                        + "<target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' unit='3'/></disk>"));
        assertError(ErrorCode.INTERNAL_ERROR, "Image file for scsi disk 'sda' has unsupported suffix, expecting '.vmdk'",
                toNativeError("4096", "", "<disk type='file' device='disk'><source file='/a.img'/>"
                        + "<target dev='sda' bus='scsi'/></disk>"));
        assertError(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported net type 'network'", toNativeError("4096", "",
                "<interface type='network'><mac address='00:0c:29:00:00:01'/><source network='default'/></interface>"));
        assertError(ErrorCode.INVALID_ARG, "could not find capabilities for ostype=hvm arch=ppc64 domaintype=vmware",
                assertThrows(VirtException.class, () -> converter.parseXml(XML.formatted("vmware", "4096", "", "")
                        .replace("<type>hvm", "<type arch='ppc64'>hvm"))));
    }

    @Test
    void memoryIsWrittenInWholeMultiplesOf4MiB() throws VirtException {
        String vmx = converter.toNative(XML.formatted("vmware", "5000", "<currentMemory unit='KiB'>3000</currentMemory>",
                ""), ctx);
        assertTrue(vmx.contains("memsize = \"8\"\nsched.mem.max = \"3\"\n"), vmx);
    }

    private VirtException toNativeError(String memory, String extra, String devices) {
        return assertThrows(VirtException.class,
                () -> converter.toNative(XML.formatted("vmware", memory, extra, devices), ctx));
    }
}
