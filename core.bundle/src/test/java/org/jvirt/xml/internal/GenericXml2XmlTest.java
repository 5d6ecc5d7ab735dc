package org.jvirt.xml.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
 * libvirt's genericxml2xmltest over {@code genericxml2xmlindata}/{@code outdata} of the folder in
 * system property {@code jvirt.testdata}. Each success case is parsed live, formatted with
 * FORMAT_SECURE, compared byte for byte with the expected file and validated against domain.rng.
 * The cases expected to pass are listed in {@code conformance/genericxml2xml.pass}.
 */
class GenericXml2XmlTest {
    /** Cases libvirt expects to fail when parsed live (genericxml2xmltest.c). */
    static final Set<String> FAIL_LIVE = Set.of("chardev-tcp-missing-host", "chardev-tcp-missing-service",
            "chardev-tcp-multiple-source", "chardev-udp-missing-connect-service", "chardev-udp-multiple-source",
            "chardev-unix-redirdev-missing-path", "chardev-unix-rng-missing-path",
            "chardev-unix-smartcard-missing-path", "chardev-reconnect-invalid-mode",
            "chardev-reconnect-missing-timeout", "graphics-listen-back-compat-mismatch",
            "graphics-vnc-socket-attr-listen-socket-mismatch", "name-slash-fail");
    /** Cases libvirt expects to fail when parsed as inactive definitions. */
    static final Set<String> FAIL_INACTIVE = Set.of("graphics-listen-network-invalid", "cachetune-colliding-allocs",
            "cachetune-colliding-tunes", "cachetune-colliding-types", "cachetune-colliding-monitor",
            "memorytune-colliding-allocs", "memorytune-colliding-cachetune");

    /** libvirt's harness mocks randomness to return zero bytes; so does this one (generated MACs). */
    /**
     * The guest architectures of libvirt's generic test capabilities (virTestGenericCapsInit):
     * i686 first for the emulated types, x86_64 for the others (hyperv has only x86_64 guests).
     */
    static final GuestDefaults GENERIC_CAPS = (virtType, osType) ->
            Set.of("test", "qemu", "kvm").contains(virtType) ? "i686" : "x86_64";

    private final DomainXmlCodec codec = new DomainXmlCodecImpl(new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }
    });

    @Test
    void genericxml2xml() throws IOException {
        Path data = LibvirtTestData.require("genericxml2xmlindata", "genericxml2xmloutdata");
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        Path in = data.resolve("genericxml2xmlindata");
        Path out = data.resolve("genericxml2xmloutdata");
        ConformanceResults results = new ConformanceResults("generic-xml2xml");
        List<Path> inputs;
        try (Stream<Path> s = Files.list(in)) {
            inputs = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path input : inputs) {
            String name = input.getFileName().toString().replaceFirst("\\.xml$", "");
            String problem = runCase(name, input, out.resolve(name + ".xml"), schema);
            if (problem == null) {
                results.passed(name);
            } else {
                results.failed(name, problem);
            }
        }
        results.assertNoRegression();
    }

    private String runCase(String name, Path input, Path expectedOut, DomainSchemaValidator schema)
            throws IOException {
        String xml = Files.readString(input, StandardCharsets.UTF_8);
        boolean mustFail = FAIL_LIVE.contains(name) || FAIL_INACTIVE.contains(name);
        int parseFlags = FAIL_INACTIVE.contains(name) ? DomainXmlCodec.PARSE_INACTIVE : 0;
        DomainDef def;
        try {
            def = codec.parse(xml, parseFlags, GENERIC_CAPS);
        } catch (VirtException e) {
            return mustFail ? null : "parse failed: " + e.getMessage();
        }
        if (mustFail) {
            return "parsed, but libvirt rejects it";
        }
        String actual = codec.format(def, DomainXmlCodec.FORMAT_SECURE);
        String expected = Files.isRegularFile(expectedOut) ? Files.readString(expectedOut, StandardCharsets.UTF_8) : xml;
        expected = expected.replace("\\\n", "");
        if (!actual.equals(expected)) {
            return "output differs\n" + diff(expected, actual);
        }
        if (schema != null) {
            List<String> errs = schema.validate(actual);
            if (!errs.isEmpty()) {
                return "output does not validate against domain.rng: " + errs;
            }
        }
        return null;
    }

    /** The first differing lines, enough to see why. */
    static String diff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        StringBuilder b = new StringBuilder();
        for (int k = i; k < Math.min(i + 4, Math.max(e.length, a.length)); k++) {
            b.append("    line ").append(k + 1).append(" expected: ").append(k < e.length ? e[k] : "<eof>").append('\n');
            b.append("    line ").append(k + 1).append(" actual:   ").append(k < a.length ? a[k] : "<eof>").append('\n');
        }
        return b.toString();
    }
}
