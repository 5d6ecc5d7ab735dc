package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.jvirt.testing.DomainSchemaValidator;

/**
 * A wider check of the formatter's element and attribute order: XML that libvirt itself formatted
 * (the expected outputs of qemuxmlconftest, {@code *.x86_64-latest.xml}, and of the xm, xl and lxc
 * converters' tests) must come back unchanged
 * from parse + format, since the driver defaults are already filled in, and validate against
 * domain.rng. Prints
 * {@code libvirt-output-roundtrip: N passed, M failed} and the first differing line of each failure.
 */
class LibvirtOutputRoundTripTest {
    static final int MIN_PASSED = 793;
    static final int MIN_INPUTS_PARSED = 688;
    /** Files libvirt's harnesses do not use (see the test data README); not in libvirt's form. */
    static final Set<String> UNUSED = Set.of("sexpr2xml-pv-bootloader.xml", "test-fullvirt-usbtablet-no-bus.xml");

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    @Test
    void qemuOutputsRoundTrip() throws IOException {
        Path data = DomainSchemaValidator.testdata();
        assumeTrue(data != null && Files.isDirectory(data.resolve("qemuxmlconfdata")), "no libvirt test data");
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("qemuxmlconfdata", "xmconfigdata", "xlconfigdata", "lxcxml2xmldata",
                "lxcxml2xmloutdata", "lxcconf2xmldata")) {
            if (!Files.isDirectory(data.resolve(dir))) {
                continue;
            }
            try (Stream<Path> s = Files.list(data.resolve(dir))) {
                s.filter(p -> dir.equals("qemuxmlconfdata") ? p.getFileName().toString().endsWith(".x86_64-latest.xml")
                        : p.getFileName().toString().endsWith(".xml"))
                        .filter(p -> !UNUSED.contains(p.getFileName().toString()))
                        // an lxc input with an expected output of its own is not in libvirt's form
                        .filter(p -> !dir.equals("lxcxml2xmldata")
                                || !Files.exists(data.resolve("lxcxml2xmloutdata").resolve(p.getFileName())))
                        .sorted().forEach(files::add);
            }
        }
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        int passed = 0;
        List<String> failed = new ArrayList<>();
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
                    failed.add(name + ": output does not validate against domain.rng: " + invalid);
                    reasons.merge("schema", 1, Integer::sum);
                } else if (out.equals(xml)) {
                    passed++;
                } else {
                    String d = GenericXml2XmlTest.diff(xml, out);
                    failed.add(name + "\n" + d);
                    String key = d.lines().findFirst().orElse("").replaceFirst("line \\d+ expected:\\s*", "")
                            .replaceAll("'[^']*'", "''");
                    reasons.merge(key, 1, Integer::sum);
                }
            } catch (VirtException e) {
                failed.add(name + ": " + e.getMessage());
                reasons.merge("error: " + e.getMessage().replaceAll("'[^']*'", "''"), 1, Integer::sum);
            }
        }
        System.out.println("libvirt-output-roundtrip: " + passed + " passed, " + failed.size() + " failed");
        if (Boolean.getBoolean("jvirt.verbose")) {
            failed.forEach(x -> System.out.println("  FAILED " + x));
        }
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.println("  " + e.getValue() + " x " + e.getKey()));
        assertTrue(passed >= MIN_PASSED, "round trip regressed: " + passed + " < " + MIN_PASSED);
    }

    /**
     * Every qemuxmlconftest input that libvirt accepts (it has an {@code x86_64-latest.xml} output)
     * must parse, and what jvirt formats from it must validate against domain.rng. Prints
     * {@code qemu-inputs: N parsed, M failed}.
     */
    @Test
    void acceptedQemuInputsParse() throws IOException {
        Path data = DomainSchemaValidator.testdata();
        assumeTrue(data != null && Files.isDirectory(data.resolve("qemuxmlconfdata")), "no libvirt test data");
        Path dir = data.resolve("qemuxmlconfdata");
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir)) {
            inputs = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".xml") && !n.contains(".x86_64-") && !n.contains("-invalid")
                        && Files.exists(dir.resolve(n.replaceFirst("\\.xml$", ".x86_64-latest.xml")));
            }).sorted().toList();
        }
        int ok = 0;
        List<String> failed = new ArrayList<>();
        for (Path p : inputs) {
            String xml = Files.readString(p, StandardCharsets.UTF_8);
            try {
                String out = codec.format(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE), DomainXmlCodec.FORMAT_SECURE);
                List<String> invalid = schema == null ? List.of() : schema.validate(out);
                if (invalid.isEmpty()) {
                    ok++;
                } else {
                    failed.add(p.getFileName() + ": output does not validate: " + invalid);
                }
            } catch (VirtException e) {
                failed.add(p.getFileName() + ": " + e.getMessage());
            }
        }
        System.out.println("qemu-inputs: " + ok + " parsed, " + failed.size() + " failed");
        failed.forEach(f -> System.out.println("  FAILED " + f));
        assertTrue(ok >= MIN_INPUTS_PARSED, "accepted inputs regressed: " + ok + " < " + MIN_INPUTS_PARSED);
    }
}
