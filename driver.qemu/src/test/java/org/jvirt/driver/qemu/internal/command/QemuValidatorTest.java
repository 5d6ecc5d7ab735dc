package org.jvirt.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.caps.CapsKey;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsBuilder;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** The validators read the typed definition and answer with libvirt's code and message. */
class QemuValidatorTest {
    private static final String EMULATOR = "/usr/bin/qemu-system-x86_64";
    private final QemuCaps caps = new QemuCapsBuilder(new CapsKey(EMULATOR, 0)).version(10, 0, 0, "")
            .flag("tcg").flag("kvm").build();
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private DomainDef parse(String devices) throws VirtException {
        return parse("", devices);
    }

    private DomainDef parse(String extra, String devices) throws VirtException {
        return codec.parse("<domain type='kvm'><name>g</name><uuid>362d1fc1-df7d-193e-5c18-49a71bd1da66</uuid>"
                + "<memory>65536</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>" + extra
                + "<devices>" + devices + "</devices></domain>", DomainXmlCodec.PARSE_INACTIVE, (v, o) -> "x86_64");
    }

    private VirtException parsedFails(DomainDef def) {
        return assertThrows(VirtException.class, () -> QemuValidator.checkParsed(def, caps));
    }

    private VirtException completedFails(DomainDef def) {
        return assertThrows(VirtException.class, () -> QemuValidator.validate(def, caps));
    }

    /** libvirt's code, and its message: the code's template filled with the detail. */
    private static void assertError(VirtException e, ErrorCode code, String detail) {
        assertEquals(code, e.code());
        assertEquals(code.message(detail), e.getMessage());
    }

    @Test
    void plainGuestPasses() throws VirtException {
        DomainDef def = parse("<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/>"
                + "</disk><controller type='usb' index='0' model='qemu-xhci' ports='15'/>"
                + "<interface type='user'><driver rx_queue_size='256'/></interface>");
        assertDoesNotThrow(() -> QemuValidator.checkParsed(def, caps));
        assertDoesNotThrow(() -> QemuValidator.validate(def, caps));
    }

    @Test
    void hvfNamesTheEmulator() throws VirtException {
        DomainDef def = codec.parse("<domain type='hvf'><name>g</name><memory>65536</memory><os><type>hvm</type></os>"
                + "</domain>", DomainXmlCodec.PARSE_INACTIVE, (v, o) -> "x86_64");
        VirtException e = parsedFails(def);
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED, "Emulator '" + EMULATOR + "' does not support virt type 'hvf'");
    }

    @Test
    void kvmNeedsAnEmulatorThatCouldUseKvm() throws VirtException {
        QemuCaps tcgOnly = new QemuCapsBuilder(new CapsKey(EMULATOR, 0)).version(10, 0, 0, "").flag("tcg").build();
        DomainDef def = parse("");
        VirtException e = assertThrows(VirtException.class, () -> QemuValidator.checkParsed(def, tcgOnly));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED, "Emulator '" + EMULATOR + "' does not support virt type 'kvm'");
        assertDoesNotThrow(() -> QemuValidator.checkParsed(def, caps));
    }

    @Test
    void pciSlotOutOfRangeInLibvirtsHex() throws VirtException {
        VirtException e = parsedFails(parse("<interface type='user'><address type='pci' domain='0' bus='0' slot='32' "
                + "function='0'/></interface>"));
        assertError(e, ErrorCode.XML_ERROR, "Invalid PCI address slot='0x20', must be <= 0x1F");
    }

    @Test
    void iothreadOnlyOnVirtioScsi() throws VirtException {
        VirtException e = parsedFails(parse("<controller type='scsi' index='0' model='lsilogic'>"
                + "<driver iothread='1'/></controller>"));
        assertError(e, ErrorCode.XML_ERROR, "'iothread' attribute only supported for virtio scsi controllers");
    }

    @Test
    void usbPortUsedTwice() throws VirtException {
        VirtException e = parsedFails(parse("<controller type='usb' index='0'/>"
                + "<input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>"
                + "<input type='mouse' bus='usb'><address type='usb' bus='0' port='1'/></input>"));
        assertError(e, ErrorCode.XML_ERROR, "Duplicate USB address bus 0 port 1");
    }

    @Test
    void tpmNeedsABackend() throws VirtException {
        VirtException e = parsedFails(parse("<tpm model='tpm-tis'/>"));
        assertError(e, ErrorCode.XML_ERROR, "missing TPM device backend");
    }

    @Test
    void hugepageForAMissingNode() throws VirtException {
        VirtException e = parsedFails(parse("<memoryBacking><hugepages><page size='2048' unit='KiB' nodeset='1'/>"
                + "</hugepages></memoryBacking>", ""));
        assertError(e, ErrorCode.XML_DETAIL, "hugepages: node 1 not found");
    }

    @Test
    void sysinfoUuidComparedAsAUuid() throws VirtException {
        String sysinfo = "<sysinfo type='smbios'><system><entry name='uuid'>%s</entry></system></sysinfo>";
        DomainDef same = parse(String.format(sysinfo, "362D1FC1DF7D193E5C1849A71BD1DA66"), "");
        assertDoesNotThrow(() -> QemuValidator.checkParsed(same, caps));
        VirtException e = parsedFails(parse(String.format(sysinfo, "a94b4335-6a14-8bc4-d6da-f7ea590b6816"), ""));
        assertError(e, ErrorCode.XML_DETAIL, "UUID mismatch between <uuid> and <sysinfo>");
    }

    @Test
    void cowFormatRejected() throws VirtException {
        VirtException e = completedFails(parse("<disk type='file' device='disk'><driver name='qemu' type='cow'/>"
                + "<source file='/a.img'/><target dev='vda' bus='virtio'/></disk>"));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED, "'cow' storage format is not supported");
    }

    @Test
    void duplicateDriveAddressNamesIt() throws VirtException {
        DomainDef def = parse("<disk type='file' device='disk'><source file='/a.img'/><target dev='sda' bus='scsi'/>"
                + "<address type='drive' controller='0' bus='0' target='0' unit='1'/></disk>"
                + "<disk type='file' device='disk'><source file='/b.img'/><target dev='sdb' bus='scsi'/>"
                + "<address type='drive' controller='0' bus='0' target='0' unit='1'/></disk>");
        VirtException e = assertThrows(VirtException.class, () -> DiskValidator.completed(def));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED,
                "Found duplicate drive address for disk with target name 'sdb' controller='0' bus='0' "
                + "target='0' unit='1'");
    }

    @Test
    void xhciPortLimit() throws VirtException {
        VirtException e = completedFails(parse("<controller type='usb' index='0' model='qemu-xhci' ports='16'/>"));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED, "'qemu-xhci' controller only supports up to '15' ports");
    }

    @Test
    void rxQueueSizePowerOfTwo() throws VirtException {
        VirtException e = completedFails(parse("<interface type='user'><driver rx_queue_size='300'/></interface>"));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED, "rx_queue_size has to be a power of two");
    }

    @Test
    void portForwardNeedsPasst() throws VirtException {
        VirtException e = completedFails(parse("<interface type='user'><portForward proto='tcp'>"
                + "<range start='22'/></portForward></interface>"));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED,
                "The <portForward> element can only be used with the 'passt' backend of interface type='user' "
                + "or type='vhostuser'");
        assertDoesNotThrow(() -> QemuValidator.validate(parse("<interface type='user'><backend type='passt'/>"
                + "<portForward proto='tcp'><range start='22'/></portForward></interface>"), caps));
    }

    @Test
    void memoryHotplugNeedsNuma() throws VirtException {
        VirtException e = completedFails(parse("<maxMemory slots='4' unit='KiB'>1048576</maxMemory>", ""));
        assertError(e, ErrorCode.CONFIG_UNSUPPORTED,
                "At least one numa node has to be configured when enabling memory hotplug");
    }
}
