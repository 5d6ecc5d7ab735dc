package org.jvirt.driver.qemu.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start's checks (libvirt's qemuProcessStartValidate) with the capabilities of libvirt's
 * 10.0.0 dump, which can use KVM: a kvm guest still needs the KVM device when it starts, and the
 * definition is validated again against the capabilities of the moment.
 */
class LibvirtArgvValidationTest {
    private static final Path EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");

    @TempDir
    Path dir;
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    private LibvirtArgv argv(QemuCaps caps, Path kvmDevice) {
        return new LibvirtArgv(emulator -> caps, codec, dir, "", (usage, ref) -> new byte[0], kvmDevice);
    }

    private static QemuCaps dumpCaps() throws Exception {
        Path data = LibvirtTestData.require("qemucapabilitiesdata");
        return new QemuCapsDumpLoader().load(data.resolve("qemucapabilitiesdata/caps_10.0.0_x86_64.xml"));
    }

    private DomainDef guest(String type, String devices) throws VirtException {
        return codec.parse("<domain type='" + type + "'><name>g</name><uuid>362d1fc1-df7d-193e-5c18-49a71bd1da66</uuid>"
                + "<memory>65536</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices><emulator>"
                + EMULATOR + "</emulator>" + devices + "</devices></domain>", DomainXmlCodec.PARSE_INACTIVE);
    }

    @Test
    void aKvmGuestNeedsTheKvmDeviceWhenItStarts() throws Exception {
        QemuCaps caps = dumpCaps();
        Path kvm = dir.resolve("kvm");
        LibvirtArgv noDevice = argv(caps, kvm);
        DomainDef def = guest("kvm", "");
        // the define's checks look at the capabilities only: they could use KVM when probed
        noDevice.validate(def, EMULATOR);
        VirtException e = assertThrows(VirtException.class, () -> noDevice.complete(def, EMULATOR));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: Domain requires KVM, but it is not available. Check that "
                + "virtualization is enabled in the host BIOS, and host configuration is setup to load the kvm "
                + "modules.", e.getMessage());
        // a TCG guest does not need it
        assertEquals("pc-i440fx-10.0", noDevice.complete(guest("qemu", ""), EMULATOR).os().machine());

        Files.createFile(kvm);
        assertEquals("pc-i440fx-10.0", argv(caps, kvm).complete(def, EMULATOR).os().machine());
    }

    @Test
    void theStartValidatesTheDefinitionAgain() throws Exception {
        QemuCaps caps = dumpCaps();
        Path kvm = Files.createFile(dir.resolve("kvm"));
        // a definition that skipped validation (read back from the state store): the start refuses it
        DomainDef def = guest("qemu", "<controller type='pci' index='1' model='pci-root'/>");
        LibvirtArgv argv = argv(caps, kvm);
        VirtException atStart = assertThrows(VirtException.class, () -> argv.complete(def, EMULATOR));
        VirtException atDefine = assertThrows(VirtException.class, () -> argv.validate(def, EMULATOR));
        assertEquals(ErrorCode.XML_ERROR, atStart.code());
        assertEquals(atDefine.getMessage(), atStart.getMessage());
        assertEquals(true, atStart.getMessage().contains("pci-root and pcie-root controllers should have index 0"),
                atStart.getMessage());
    }
}
