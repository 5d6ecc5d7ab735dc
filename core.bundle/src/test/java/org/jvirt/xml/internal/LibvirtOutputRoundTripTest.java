package org.jvirt.xml.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;

/**
 * A wider check of the formatter's element and attribute order: XML that libvirt itself formatted
 * (the expected outputs of qemuxmlconftest, {@code *.x86_64-latest.xml}, and of the xm, xl and lxc
 * converters' tests) must come back unchanged
 * from parse + format, since the driver defaults are already filled in, and validate against
 * domain.rng. Prints
 * {@code libvirt-output-roundtrip: N passed, M failed, K not run} and the most frequent first
 * differences; the cases expected to pass are listed in {@code conformance/libvirt-output-roundtrip.pass}.
 */
class LibvirtOutputRoundTripTest {
    private static final List<String> FOLDERS = List.of("qemuxmlconfdata", "xmconfigdata", "xlconfigdata",
            "lxcxml2xmldata", "lxcxml2xmloutdata", "lxcconf2xmldata");
    /** Files libvirt's harnesses do not use (see the test data README); not in libvirt's form. */
    static final Set<String> UNUSED = Set.of("sexpr2xml-pv-bootloader.xml", "test-fullvirt-usbtablet-no-bus.xml");

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    @Test
    void qemuOutputsRoundTrip() throws IOException {
        Path data = LibvirtTestData.require(FOLDERS.toArray(String[]::new));
        ConformanceResults results = new ConformanceResults("libvirt-output-roundtrip");
        List<Path> files = new ArrayList<>();
        for (String dir : FOLDERS) {
            try (Stream<Path> s = Files.list(data.resolve(dir))) {
                s.filter(p -> dir.equals("qemuxmlconfdata") ? p.getFileName().toString().endsWith(".x86_64-latest.xml")
                        : p.getFileName().toString().endsWith(".xml")).sorted().forEach(p -> {
                            if (UNUSED.contains(p.getFileName().toString())) {
                                results.notRun(caseName(p), "unused by libvirt's harnesses, not in libvirt's form");
                            } else if (dir.equals("lxcxml2xmldata")
                                    && Files.exists(data.resolve("lxcxml2xmloutdata").resolve(p.getFileName()))) {
                                results.notRun(caseName(p), "an lxc input with an expected output of its own");
                            } else {
                                files.add(p);
                            }
                        });
            }
        }
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        Map<String, Integer> reasons = new TreeMap<>();
        for (Path f : files) {
            String xml = Files.readString(f, StandardCharsets.UTF_8);
            String name = f.getFileName().toString();
            try {
                String out = codec.format(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE), DomainXmlCodec.FORMAT_SECURE);
                // libvirt's own "-invalid." outputs are meant to fail the schema (virschematest)
                boolean checkSchema = schema != null && !name.contains("-invalid.");
                List<String> invalid = checkSchema ? schema.validate(out) : List.of();
                if (!invalid.isEmpty()) {
                    results.failed(caseName(f), "output does not validate against domain.rng: " + invalid);
                    reasons.merge("schema", 1, Integer::sum);
                } else if (out.equals(xml)) {
                    results.passed(caseName(f));
                } else {
                    String d = GenericXml2XmlTest.diff(xml, out);
                    results.failed(caseName(f), d);
                    String key = d.lines().findFirst().orElse("").replaceFirst("line \\d+ expected:\\s*", "")
                            .replaceAll("'[^']*'", "''");
                    reasons.merge(key, 1, Integer::sum);
                }
            } catch (VirtException e) {
                results.failed(caseName(f), e.getMessage());
                reasons.merge("error: " + e.getMessage().replaceAll("'[^']*'", "''"), 1, Integer::sum);
            }
        }
        System.out.println("libvirt-output-roundtrip, the most frequent first differences:");
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.println("  " + e.getValue() + " x " + e.getKey()));
        results.assertNoRegression();
    }

    /** A case is a file, named with its folder: the lxc folders share file names. */
    private static String caseName(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    /**
     * Every qemuxmlconftest input that libvirt accepts (it has an {@code x86_64-latest.xml} output)
     * must parse, and what jvirt formats from it must validate against domain.rng. Prints
     * {@code qemu-inputs: N passed, M failed, K not run}; the cases expected to pass are listed in
     * {@code conformance/qemu-inputs.pass}.
     */
    @Test
    void acceptedQemuInputsParse() throws IOException {
        Path dir = LibvirtTestData.require("qemuxmlconfdata").resolve("qemuxmlconfdata");
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        ConformanceResults results = new ConformanceResults("qemu-inputs");
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir)) {
            inputs = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".xml") && !n.contains(".x86_64-")
                        && Files.exists(dir.resolve(n.replaceFirst("\\.xml$", ".x86_64-latest.xml")));
            }).sorted().toList();
        }
        for (Path p : inputs) {
            String name = p.getFileName().toString().replaceFirst("\\.xml$", "");
            if (name.contains("-invalid")) {
                results.notRun(name, "named -invalid: libvirt's schema test expects its output to fail domain.rng");
                continue;
            }
            String xml = Files.readString(p, StandardCharsets.UTF_8);
            try {
                String out = codec.format(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE), DomainXmlCodec.FORMAT_SECURE);
                List<String> invalid = schema == null ? List.of() : schema.validate(out);
                if (invalid.isEmpty()) {
                    results.passed(name);
                } else {
                    results.failed(name, "output does not validate: " + invalid);
                }
            } catch (VirtException e) {
                results.failed(name, e.getMessage());
            }
        }
        results.assertNoRegression();
    }
}
