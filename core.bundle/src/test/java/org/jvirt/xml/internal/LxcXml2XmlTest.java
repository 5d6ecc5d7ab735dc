package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;

/**
 * The codec's part of libvirt's lxcxml2xmltest over {@code lxcxml2xmldata}/{@code outdata}: each
 * input is parsed live, formatted with FORMAT_SECURE and compared byte for byte with the expected
 * file (the input itself when outdata has none), and validated against domain.rng. The LXC driver's own post-parse steps come with
 * driver.lxc; the cases passing on the codec alone are listed in {@code conformance/lxcxml2xml.pass}.
 */
class LxcXml2XmlTest {
    /** libvirt's LXC test capabilities: {@code exe} guests for i686 and x86_64, x86_64 first. */
    private static final GuestDefaults LXC_CAPS = (virtType, osType) -> "x86_64";

    private final DomainXmlCodec codec = new DomainXmlCodecImpl(new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }
    });

    @Test
    void lxcxml2xml() throws IOException {
        Path data = LibvirtTestData.require("lxcxml2xmldata", "lxcxml2xmloutdata");
        Path in = data.resolve("lxcxml2xmldata");
        Path out = data.resolve("lxcxml2xmloutdata");
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        ConformanceResults results = new ConformanceResults("lxcxml2xml");
        List<Path> inputs;
        try (Stream<Path> s = Files.list(in)) {
            inputs = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(inputs.size() >= 10, "lxcxml2xmldata holds libvirt's 10 inputs");
        for (Path input : inputs) {
            String name = input.getFileName().toString().replaceFirst("\\.xml$", "");
            String problem = runCase(input, out.resolve(name + ".xml"), schema);
            if (problem == null) {
                results.passed(name);
            } else {
                results.failed(name, problem);
            }
        }
        results.assertNoRegression();
    }

    private String runCase(Path input, Path expectedOut, DomainSchemaValidator schema) throws IOException {
        String xml = Files.readString(input, StandardCharsets.UTF_8);
        DomainDef def;
        try {
            def = codec.parse(xml, 0, LXC_CAPS);
        } catch (VirtException e) {
            return "parse failed: " + e.getMessage();
        }
        String actual = codec.format(def, DomainXmlCodec.FORMAT_SECURE);
        String expected = Files.isRegularFile(expectedOut) ? Files.readString(expectedOut, StandardCharsets.UTF_8) : xml;
        if (!actual.equals(expected)) {
            return "output differs\n" + GenericXml2XmlTest.diff(expected, actual);
        }
        List<String> errs = schema == null ? List.of() : schema.validate(actual);
        return errs.isEmpty() ? null : "output does not validate against domain.rng: " + errs;
    }
}
