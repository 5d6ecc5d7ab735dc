package org.jvirt.driver.xen.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Xen's own toolstack as the oracle of the configuration reader and writers: for every
 * configuration of libvirt's xlconfig and xmconfig suites, {@code xl -N create} (the real xl 4.17,
 * see {@link XlToolstack}) parses libvirt's file and the file jvirt writes after reading it back
 * (cfg, to domain XML, to cfg in the same format); the libxl domain configurations xl prints for the
 * two must be the same JSON tree, except for the differences {@link LibxlJsonDiff#explain} lists
 * and explains (libvirt's defaults written out where xl leaves libxl's). A configuration xl itself
 * refuses is reported as not run, with xl's message. Prints {@code xl-oracle: N passed, M failed,
 * K not run}.
 */
class XlOracleTest {
    private static final Set<String> XM_UNUSED = Set.of("paravirt-net-modelstr");

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();
    private final NativeFormats formats = new NativeFormats(codec);
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> explained = new ArrayList<>();

    @Test
    void xlAgreesWithItselfOnJvirtsConfigurations() throws Exception {
        Path data = LibvirtTestData.require("xlconfigdata", "xmconfigdata");
        Map<String, String> configs = new LinkedHashMap<>();
        Map<String, String> conversionErrors = new LinkedHashMap<>();
        collect(data.resolve("xlconfigdata"), "xl", NativeFormats.XL, Set.of(), configs, conversionErrors);
        collect(data.resolve("xmconfigdata"), "xm", NativeFormats.XM, XM_UNUSED, configs, conversionErrors);
        ConformanceResults results = new ConformanceResults("xl-oracle");
        Map<String, XlToolstack.Output> out = XlToolstack.shared().dryRun(configs);
        for (String name : configs.keySet()) {
            if (!name.endsWith(".libvirt")) {
                continue;
            }
            String test = name.substring(0, name.length() - ".libvirt".length());
            judge(results, test, out.get(name), out.get(test + ".jvirt"), conversionErrors.get(test));
        }
        System.out.println("xl oracle: " + results.passedCases().size() + " passed, " + explained.size()
                + " explained differences");
        explained.forEach(e -> System.out.println("  " + e));
        results.assertNoRegression();
    }

    /**
     * For libvirt's libxlxml2domconfig definitions: the xl.cfg jvirt writes, parsed by xl, against
     * the libxl configuration jvirt builds itself ({@link LibxlConfigBuilder}), both with libxl's
     * defaults left out; the differences must be ones {@link LibxlJsonDiff#explainBuilder} explains.
     */
    @Test
    void xlParsesJvirtsConfigurationIntoJvirtsLibxlConfiguration() throws Exception {
        Path dir = LibvirtTestData.require("libxlxml2domconfigdata").resolve("libxlxml2domconfigdata");
        LibxlConfigBuilder builder = new LibxlConfigBuilder((memkb, vcpus) -> 1234, 5900, 16);
        Map<String, String> configs = new LinkedHashMap<>();
        Map<String, JsonNode> built = new LinkedHashMap<>();
        ConformanceResults results = new ConformanceResults("xl-oracle-libxl");
        List<Path> inputs = new ArrayList<>();
        try (var s = Files.list(dir)) {
            inputs.addAll(s.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
        }
        inputs.addAll(extraDefinitions(LibvirtTestData.require("xlconfigdata").resolve("xlconfigdata")));
        for (Path xml : inputs) {
            String name = xml.getFileName().toString().replace(".xml", "");
            try {
                String text = Files.readString(xml);
                DomainDef def = codec.parse(text, DomainXmlCodec.PARSE_INACTIVE);
                String numa = numaMismatch(def);
                if (numa != null) {
                    results.notRun(name, numa);
                    continue;
                }
                // the xl.cfg the driver starts the domain from
                configs.put(name, XlWriter.forStart().write(def));
                built.put(name, LibxlJsonDiff.normalize(json.readTree(LibxlJson.write(
                        builder.build(codec.parse(text, DomainXmlCodec.PARSE_INACTIVE))))));
            } catch (VirtException e) {
                results.failed(name, "jvirt cannot convert it: " + e.getMessage());
            }
        }
        List<String> explainedHere = new ArrayList<>();
        Map<String, XlToolstack.Output> out = XlToolstack.shared().dryRun(configs);
        for (String name : configs.keySet()) {
            XlToolstack.Output o = out.get(name);
            if (o.rc() != 0) {
                results.failed(name, "xl refuses jvirt's configuration: " + lastLine(o.err()));
                continue;
            }
            JsonNode fromXl = LibxlJsonDiff.normalize(json.readTree(o.json()));
            List<LibxlJsonDiff.Difference> unexplained = new ArrayList<>();
            for (LibxlJsonDiff.Difference d : LibxlJsonDiff.diff(fromXl, built.get(name))) {
                String why = LibxlJsonDiff.explainBuilder(d);
                if (why == null) {
                    unexplained.add(d);
                } else {
                    explainedHere.add(name + " " + d + ": " + why);
                }
            }
            if (unexplained.isEmpty()) {
                results.passed(name);
            } else {
                results.failed(name, "xl's and jvirt's libxl configurations differ: " + unexplained);
            }
        }
        System.out.println("xl oracle (libxl configuration): " + results.passedCases().size() + " passed, "
                + explainedHere.size() + " explained differences");
        explainedHere.forEach(e -> System.out.println("  " + e));
        results.assertNoRegression();
    }

    /**
     * Definitions of kinds libvirt's libxlxml2domconfig data lacks: jvirt's own ({@code xl-oracle/extra},
     * named {@code jvirt-NAME}: vcpupin, sound, USB controllers, an RBD disk) and libvirt's xlconfig
     * ones ({@code xlconfig-NAME}: SPICE, a USB host device, channels, a NIC rate, QEMU arguments).
     */
    private static List<Path> extraDefinitions(Path xlconfigdata) throws IOException {
        Path out = Files.createTempDirectory("jvirt-xl-extra");
        out.toFile().deleteOnExit();   // registered first, so deleted after its files
        List<Path> files = new ArrayList<>();
        for (String name : List.of("vcpupin-pv", "vcpupin-cpuset-hvm", "sound-hvm", "usbctrl-hvm",
                "disk-rbd-hvm")) {
            try (var in = XlOracleTest.class.getResourceAsStream("/xl-oracle/extra/" + name + ".xml")) {
                Path f = out.resolve("jvirt-" + name + ".xml");
                Files.write(f, in.readAllBytes());
                f.toFile().deleteOnExit();
                files.add(f);
            }
        }
        for (String name : List.of("spice", "spice-features", "usb", "channel-pty", "channel-unix", "vif-rate",
                "qemu-passthrough")) {
            Path f = out.resolve("xlconfig-" + name + ".xml");
            Files.copy(xlconfigdata.resolve("test-" + name + ".xml"), f);
            f.toFile().deleteOnExit();
            files.add(f);
        }
        return files;
    }

    private void collect(Path dir, String prefix, String format, Set<String> unused, Map<String, String> configs,
            Map<String, String> errors) throws IOException {
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("test-.*\\.cfg")).sorted().toList();
        }
        for (Path f : files) {
            String base = f.getFileName().toString();
            String name = base.substring(5, base.length() - 4);
            if (unused.contains(name)) {
                continue;
            }
            String test = prefix + "-" + name;
            String original = Files.readString(f);
            configs.put(test + ".libvirt", original);
            try {
                DomainDef def = formats.parseNative(format, original);
                String xml = codec.format(def, DomainXmlCodec.FORMAT_SECURE | DomainXmlCodec.FORMAT_INACTIVE);
                configs.put(test + ".jvirt", formats.toNative(format, xml));
            } catch (VirtException e) {
                errors.put(test, e.getMessage());
            }
        }
    }

    private void judge(ConformanceResults results, String test, XlToolstack.Output libvirts, XlToolstack.Output jvirts,
            String conversionError) throws IOException {
        if (libvirts.rc() != 0) {
            results.notRun(test, "xl refuses libvirt's own configuration: " + lastLine(libvirts.err()));
        } else if (conversionError != null) {
            results.failed(test, "jvirt cannot convert it: " + conversionError);
        } else if (jvirts.rc() != 0) {
            results.failed(test, "xl refuses jvirt's configuration: " + lastLine(jvirts.err()));
        } else {
            JsonNode a = json.readTree(libvirts.json());
            JsonNode b = json.readTree(jvirts.json());
            if (a == null || b == null) {
                results.failed(test, "xl printed no configuration");
                return;
            }
            List<LibxlJsonDiff.Difference> unexplained = new ArrayList<>();
            for (LibxlJsonDiff.Difference d : LibxlJsonDiff.diff(a, b)) {
                String why = LibxlJsonDiff.explain(d);
                if (why == null) {
                    unexplained.add(d);
                } else {
                    explained.add(test + " " + d + ": " + why);
                }
            }
            if (unexplained.isEmpty()) {
                results.passed(test);
            } else {
                results.failed(test, "libxl configurations differ: " + unexplained);
            }
        }
    }

    /**
     * Why libxl refuses the definition on any path, or null: vNUMA cells whose memory does not add
     * up to the domain's (xl says "maxmem and vnuma memory size mismatch", libxl's own
     * libxl__vnuma_config_check refuses the same configuration built by libvirt).
     */
    private static String numaMismatch(DomainDef def) {
        if (def.cpu() == null || def.cpu().numaCells().isEmpty() || def.memory() == null) {
            return null;
        }
        long cells = def.cpu().numaCells().stream().mapToLong(NumaCell::memoryKib).sum();
        long memory = def.memory().kib();
        return cells == memory ? null : "its vNUMA cells add up to " + cells + " KiB, its memory is " + memory
                + " KiB: libxl refuses that on any path (xl's vNUMA check, libxl__vnuma_config_check)";
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
