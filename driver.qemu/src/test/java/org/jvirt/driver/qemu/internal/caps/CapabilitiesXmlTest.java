package org.jvirt.driver.qemu.internal.caps;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.junit.jupiter.api.Test;

/** {@code virsh capabilities} XML from the 10.0.0 dump, checked against libvirt's capability.rng. */
class CapabilitiesXmlTest {

    @Test
    void hostAndGuestValidateAgainstLibvirtsSchema() throws IOException {
        Path dir = LibvirtTestData.require("qemucapabilitiesdata", "schemas");
        QemuCaps caps = new QemuCapsDumpLoader().load(dir.resolve("qemucapabilitiesdata/caps_10.0.0_x86_64.xml"));
        HostInfo host = new HostInfo(UUID.fromString("11111111-2222-3333-4444-555555555555"), "x86_64", "Intel", 1,
                2, 2, 4, 16_000_000, List.of(4L, 2048L));
        String xml = CapabilitiesXml.format(host, List.of(caps));
        assertTrue(xml.startsWith("<capabilities>\n\n  <host>\n    <uuid>11111111-2222-3333-4444-555555555555</uuid>\n"));
        assertTrue(xml.contains("      <machine canonical='pc-i440fx-10.0' maxCpus='255'>pc</machine>\n"), xml);
        assertTrue(xml.contains("      <machine maxCpus='4096'>pc-q35-10.0</machine>\n"), xml);
        assertTrue(xml.contains("      <domain type='qemu'/>\n      <domain type='kvm'/>\n"), xml);
        assertTrue(xml.contains("<topology sockets='1' dies='1' clusters='1' cores='2' threads='2'/>"), xml);
        DomainSchemaValidator.forSchema("capability.rng").assertValid("capabilities", xml);
    }

    @Test
    void probesThisHost() throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/cpuinfo")), "not Linux");
        HostInfo host = HostInfo.probe(UUID.randomUUID());
        assertTrue(host.cpus() >= 1 && host.memoryKib() > 0 && host.pageSizes().contains(4L));
        assertTrue(host.sockets() * host.cores() * host.threads() <= host.cpus() * 2);
    }
}
