package org.jvirt.driver.qemu.internal.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.testing.LibvirtTestData;

/** libvirt's capability dumps (qemucapabilitiesdata) loaded into the capabilities model. */
class QemuCapsDumpLoaderTest {

    private static Path dump(String version) {
        return LibvirtTestData.require("qemucapabilitiesdata")
                .resolve("qemucapabilitiesdata/caps_" + version + "_x86_64.xml");
    }

    @Test
    void loads10() throws IOException {
        QemuCaps caps = new QemuCapsDumpLoader().load(dump("10.0.0"));
        assertEquals(10_000_000, caps.version());
        assertEquals("10.0.0", caps.versionString());
        assertEquals("v10.0.0", caps.packageName());
        assertEquals("x86_64", caps.arch());
        assertEquals("/usr/bin/qemu-system-x86_64", caps.key().binaryPath());
        assertEquals(201, caps.flags().size());
        assertTrue(caps.has("kvm") && caps.has("tcg") && caps.has("qemu-xhci") && caps.has("set-action"));
        assertFalse(caps.has("no-such-flag"));
        assertEquals(64, caps.machines(Accel.KVM).size());
        assertEquals(64, caps.machines(Accel.TCG).size());
        MachineType pc = caps.defaultMachine(Accel.TCG);
        assertEquals("pc-i440fx-10.0", pc.name());
        assertEquals("pc", pc.alias());
        assertEquals(255, pc.maxCpus());
        assertEquals("pc.ram", pc.defaultRamId());
        assertEquals("qemu64", pc.defaultCpuModel("x86_64"));
        assertTrue(pc.acpi() && pc.hotplugCpus() && !pc.deprecated());
        assertEquals("pc-q35-10.0", caps.canonicalMachine(Accel.KVM, "q35"));
        assertEquals("pc-q35-10.0", caps.machine(Accel.KVM, "q35").name());
        CpuModel phenom = caps.cpuModels(Accel.KVM).stream().filter(m -> m.name().equals("phenom")).findFirst()
                .orElseThrow();
        assertEquals("no", phenom.usable());
        assertEquals(List.of("3dnowext", "3dnow"), phenom.blockers());
        assertTrue(caps.hypervCaps().contains("xmm_input"));
    }

    @Test
    void strippedAliasesKeepPcAsPc() throws IOException {
        QemuCaps caps = MachineAliases.stripped(new QemuCapsDumpLoader().load(dump("10.0.0")));
        assertEquals("pc", caps.defaultMachine(Accel.TCG).name());
        assertNull(caps.defaultMachine(Accel.TCG).alias());
        assertEquals("pc", caps.canonicalMachine(Accel.TCG, "pc"));
        assertNull(caps.machine(Accel.TCG, "pc-i440fx-10.0"));
    }

    @Test
    void loads72WithAliases() throws IOException {
        QemuCaps caps = new QemuCapsDumpLoader().load(dump("7.2.0"));
        assertEquals("7.2.0", caps.versionString());
        assertEquals("pc-i440fx-7.2", caps.canonicalMachine(Accel.TCG, "pc"));
        assertEquals("pc-q35-7.2", caps.canonicalMachine(Accel.TCG, "q35"));
        assertFalse(caps.has("no-such-flag"));
    }

    @Test
    void rejectsOtherDocumentsAndDoctypes() {
        QemuCapsDumpLoader loader = new QemuCapsDumpLoader();
        assertThrows(IOException.class, () -> loader.load(stream("<domain/>")));
        assertThrows(IOException.class, () -> loader.load(stream(
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><qemuCaps>&e;</qemuCaps>")));
        assertThrows(IllegalStateException.class, () -> loader.load(stream("<qemuCaps><arch>x86_64</arch></qemuCaps>")));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
