package org.jvirt.driver.esx.vmx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * libvirt's vmx2xmltest and xml2vmxtest over {@code ../shared/libvirt-testdata}: {@code NAME.vmx}
 * read and formatted as domain XML (SECURE) must equal {@code NAME.xml} and validate against
 * libvirt's {@code domain.rng}; {@code xml2vmx-NAME.xml} parsed (INACTIVE) and written as VMX for
 * the harness' virtual hardware version must equal {@code xml2vmx-NAME.vmx}. The file name mapping
 * is the harness' ({@link HarnessFileNames}), SCSI model detection answers lsilogic, and the
 * {@code datacenterpath} case gets the harness' datacenter path.
 */
class VmxConformanceTest {
    /** The cases libvirt's harness expects to fail (a hard disk on a missing datastore or file). */
    private static final Set<String> MUST_FAIL = Set.of("harddisk-ide-file-missing-datastore",
            "harddisk-scsi-file-missing-file");
    /** The harness' virtual hardware versions other than 4. */
    private static final Map<String, Integer> HW_VERSIONS = Map.of("serial-network-server", 7,
            "serial-network-client", 7, "ws-in-the-wild-1", 8, "ws-in-the-wild-2", 8, "fusion-in-the-wild-1", 9,
            "esx-in-the-wild-9", 10);
    private static final String DATACENTER_PATH = "folder1/folder2/datacenter1";

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final VmxConverter converter = new VmxConverter(codec);
    private final VmxContext context = VmxContext.of(new HarnessFileNames()).withScsiModelDetector(d -> "lsilogic");

    @Test
    void vmx2xml() throws IOException {
        Path dir = LibvirtTestData.require("vmx2xmldata").resolve("vmx2xmldata");
        DomainSchemaValidator schema = DomainSchemaValidator.forDomains();
        ConformanceResults results = new ConformanceResults("vmx2xml");
        for (String name : names(dir, "", ".vmx")) {
            String vmx = Files.readString(dir.resolve(name + ".vmx"));
            VmxContext ctx = name.equals("datacenterpath") ? context.withDatacenterPath(DATACENTER_PATH) : context;
            if (MUST_FAIL.contains(name)) {
                try {
                    converter.parse(vmx, ctx);
                    results.failed(name, "parsed instead of failing");
                } catch (VirtException e) {
                    results.passed(name);
                }
                continue;
            }
            check(results, name, Files.readString(dir.resolve(name + ".xml")), () -> {
                String xml = codec.format(converter.parse(vmx, ctx), DomainXmlCodec.FORMAT_SECURE);
                List<String> errors = schema.validate(xml);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("does not validate against domain.rng: " + errors);
                }
                return xml;
            });
        }
        results.assertNoRegression();
    }

    @Test
    void xml2vmx() throws IOException {
        Path dir = LibvirtTestData.require("xml2vmxdata").resolve("xml2vmxdata");
        ConformanceResults results = new ConformanceResults("xml2vmx");
        for (String name : names(dir, "xml2vmx-", ".xml")) {
            String xml = Files.readString(dir.resolve("xml2vmx-" + name + ".xml"));
            VmxContext ctx = context.withVirtualHwVersion(HW_VERSIONS.getOrDefault(name, 4));
            check(results, name, Files.readString(dir.resolve("xml2vmx-" + name + ".vmx")),
                    () -> converter.toNative(xml, ctx));
        }
        results.assertNoRegression();
    }

    private static List<String> names(Path dir, String prefix, String suffix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(suffix))
                    .map(n -> n.substring(prefix.length(), n.length() - suffix.length())).sorted().toList();
        }
    }

    private interface Conversion {
        String run() throws VirtException;
    }

    /** testutils.c's comparison: backslash-newlines joined in the expected text, a final newline added. */
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
