package org.jvirt.driver.xen.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * libvirt's xlconfigtest and xmconfigtest: {@code test-NAME.xml} parsed (PARSE_INACTIVE) and
 * written as xl.cfg / xm must equal {@code test-NAME.cfg} (case {@code NAME:to-native}), and the
 * {@code .cfg} read and formatted as domain XML (xl: INACTIVE|SECURE, xm: SECURE) must equal the
 * {@code .xml} (case {@code NAME:from-native}). Which cases run in which direction is libvirt's
 * harness' choice (see the data README). Every XML read from a configuration must also validate
 * against libvirt's {@code domain.rng}.
 */
class XenConfigConformanceTest {
    private static final Set<String> XL_FROM_ONLY = Set.of("disk-positional-parms-partial", "disk-qed",
            "paravirt-cmdline-bogus-extra-root", "paravirt-type", "fullvirt-type",
            "fullvirt-direct-kernel-boot-bogus-extra");
    private static final Set<String> XL_TO_ONLY = Set.of("fullvirt-vnuma-autocomplete", "fullvirt-vnuma-nodistances",
            "fullvirt-vnuma-partialdist");
    private static final Set<String> XM_FROM_ONLY = Set.of("paravirt-root", "paravirt-extra-root",
            "fullvirt-default-feature", "pci-dev-syntax");
    private static final Set<String> XM_UNUSED = Set.of("paravirt-net-modelstr", "fullvirt-usbtablet-no-bus");

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final NativeFormats formats = new NativeFormats(codec);
    private DomainSchemaValidator schema;

    @Test
    void xlconfig() throws IOException {
        run("xlconfig", LibvirtTestData.require("xlconfigdata").resolve("xlconfigdata"), NativeFormats.XL,
                XL_FROM_ONLY, XL_TO_ONLY, Set.of(), DomainXmlCodec.FORMAT_INACTIVE | DomainXmlCodec.FORMAT_SECURE);
    }

    @Test
    void xmconfig() throws IOException {
        run("xmconfig", LibvirtTestData.require("xmconfigdata").resolve("xmconfigdata"), NativeFormats.XM,
                XM_FROM_ONLY, Set.of(), XM_UNUSED, DomainXmlCodec.FORMAT_SECURE);
    }

    private void run(String suite, Path dir, String format, Set<String> fromOnly, Set<String> toOnly,
            Set<String> unused, int formatFlags) throws IOException {
        ConformanceResults results = new ConformanceResults(suite);
        schema = DomainSchemaValidator.forDomains();
        List<String> names;
        try (var files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("test-"))
                    .filter(n -> n.endsWith(".cfg") || n.endsWith(".xml"))
                    .map(n -> n.substring(5, n.length() - 4)).distinct().sorted().toList();
        }
        for (String name : names) {
            if (unused.contains(name)) {
                continue;
            }
            String xml = Files.readString(dir.resolve("test-" + name + ".xml"));
            String cfg = Files.readString(dir.resolve("test-" + name + ".cfg"));
            if (!fromOnly.contains(name)) {
                check(results, name + ":to-native", cfg, () -> formats.toNative(format, xml));
            }
            if (!toOnly.contains(name)) {
                check(results, name + ":from-native", xml, () -> {
                    DomainDef def = formats.parseNative(format, cfg);
                    String out = codec.format(def, formatFlags);
                    List<String> errors = schema.validate(out);
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException("does not validate against domain.rng: " + errors);
                    }
                    return out;
                });
            }
        }
        results.assertNoRegression();
    }

    private interface Conversion {
        String run() throws VirtException;
    }

    private static void check(ConformanceResults results, String name, String expected, Conversion conversion) {
        try {
            String actual = conversion.run();
            String want = expected.replace("\\\n", "");
            if (!actual.endsWith("\n")) {
                actual += "\n";
            }
            if (want.equals(actual)) {
                results.passed(name);
            } else {
                results.failed(name, firstDifference(want, actual));
            }
        } catch (VirtException | RuntimeException e) {
            results.failed(name, e.toString());
        }
    }

    private static String firstDifference(String want, String got) {
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": expected [" + x + "] got [" + y + "]";
            }
        }
        return "differs";
    }
}
