package org.jvirt.driver.qemu.internal.domcaps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Element;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.junit.jupiter.api.Test;

/**
 * libvirt 9.0's domaincapstest for QEMU 7.2.0 on x86_64: from {@code caps_7.2.0.x86_64.xml} the
 * three combinations doTestQemu runs (KVM with the default machine, KVM with {@code q35}, TCG with
 * the default machine), compared with {@code domaincapsdata/qemu_7.2.0*.x86_64.xml} and validated
 * against {@code domaincaps.rng}. As in the harness: the firmware descriptors are test data
 * (here {@code domaincaps/firmware/}, the interfaces and secure boot libvirt's qemufirmwaredata
 * gives), the loader values are the harness's fixed list, VFIO passthrough is possible and swtpm
 * offers TPM 2.0 (libvirt's TEST_TPM_ENV_VAR for 7.x). The CPU map is libvirt 9.0's, as Debian's
 * {@code libvirt0} installs it.
 */
class DomainCapsConformanceTest {
    private static final String DATA = "libvirt-9.0";
    static final Path CPU_MAP = Path.of("/usr/share/libvirt/cpu_map");
    private static final List<String> HARNESS_LOADERS = List.of("/usr/share/AAVMF/AAVMF_CODE.fd",
            "/usr/share/AAVMF/AAVMF32_CODE.fd", "/usr/share/OVMF/OVMF_CODE.fd");

    private record Case(String name, String virtType, String machine) {
    }

    private static final List<Case> CASES = List.of(new Case("qemu_7.2.0.x86_64", "kvm", null),
            new Case("qemu_7.2.0-q35.x86_64", "kvm", "q35"), new Case("qemu_7.2.0-tcg.x86_64", "qemu", null));

    @Test
    void domaincaps() throws Exception {
        Path root = LibvirtTestData.require(DATA + "/domaincapsdata", DATA + "/qemucapabilitiesdata").resolve(DATA);
        ConformanceResults results = new ConformanceResults("domaincaps");
        if (!Files.isRegularFile(CPU_MAP.resolve("index.xml"))) {
            CASES.forEach(c -> results.notRun(c.name(), "no libvirt CPU map in " + CPU_MAP + " (Debian's libvirt0)"));
            results.assertNoRegression();
            return;
        }
        QemuCaps caps = new QemuCapsDumpLoader().load(root.resolve("qemucapabilitiesdata/caps_7.2.0.x86_64.xml"));
        QemuDomainCaps filler = new QemuDomainCaps(X86CpuMap.load(CPU_MAP), new FirmwareDescriptors(List.of(firmware())),
                f -> true);
        HostFacts host = new HostFacts(true, true, false, true, 0, true);
        DomainSchemaValidator schema = DomainSchemaValidator.forSchema("domaincaps.rng");
        for (Case c : CASES) {
            Accel accel = Accel.forDomainType(c.virtType());
            String machine = c.machine() == null ? QemuDomainCaps.preferredMachine(caps, accel)
                    : caps.canonicalMachine(accel, c.machine());
            DomainCaps dc = withHarnessLoaders(filler.fill("/usr/bin/qemu-system-x86_64", caps, c.virtType(), machine,
                    "x86_64", "x86_64", host));
            String actual = DomainCapsXml.format(dc);
            String expected = Files.readString(root.resolve("domaincapsdata/" + c.name() + ".xml"));
            if (!actual.equals(expected)) {
                // kept for a diff against libvirt's file
                Path out = Path.of("target/conformance/" + c.name() + ".actual.xml");
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual);
                results.failed(c.name(), "differs from libvirt's, see " + out);
                continue;
            }
            List<String> errors = schema == null ? List.of() : schema.validate(actual);
            if (!errors.isEmpty()) {
                results.failed(c.name(), "not valid against domaincaps.rng: " + errors);
                continue;
            }
            results.passed(c.name());
        }
        results.assertNoRegression();
        assertTrue(results.passedCases().size() > 0, "no case passed");
    }

    /** fillQemuCaps replaces the loader values by a fixed list, since the images differ by host. */
    private static DomainCaps withHarnessLoaders(DomainCaps dc) {
        Element os = dc.os();
        Element loader = os.children().get(0);
        Element fixed = new Element("loader", true, HARNESS_LOADERS, loader.enums(), loader.children());
        Element newOs = new Element("os", true, os.values(), os.enums(), List.of(fixed));
        return new DomainCaps(dc.path(), dc.virtType(), dc.machine(), dc.arch(), dc.maxVcpus(), dc.iothreads(), newOs,
                dc.cpu(), dc.memoryBacking(), dc.devices(), dc.gic(), dc.features(), dc.hyperv());
    }

    static Path firmware() throws URISyntaxException {
        return Path.of(DomainCapsConformanceTest.class.getResource("/domaincaps/firmware").toURI());
    }
}
