package org.jvirt.xml.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;

/**
 * The parse-error cases of qemuxmlconftest ({@code NAME.x86_64-latest.err} without an
 * {@code .xml} output): most are QEMU driver checks, but those libvirt's generic parser and
 * validator make must be rejected here with libvirt's exact message. Prints
 * {@code qemu-parse-errors: N passed, M failed, K not run} (passed: the same message; failed: another
 * message, or accepted because it is a driver check); the cases expected to pass are listed in
 * {@code conformance/qemu-parse-errors.pass}.
 */
class QemuParseErrorsTest {
    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    @Test
    void genericParseErrorsMatchLibvirt() throws IOException {
        Path dir = LibvirtTestData.require("qemuxmlconfdata").resolve("qemuxmlconfdata");
        List<Path> errs;
        try (Stream<Path> s = Files.list(dir)) {
            errs = s.filter(p -> p.getFileName().toString().endsWith(".x86_64-latest.err")).sorted().toList();
        }
        ConformanceResults results = new ConformanceResults("qemu-parse-errors");
        int accepted = 0;
        for (Path err : errs) {
            String stem = err.getFileName().toString().replace(".x86_64-latest.err", "");
            Path input = dir.resolve(stem + ".xml");
            if (Files.exists(dir.resolve(stem + ".x86_64-latest.xml"))) {
                continue; // parsed by libvirt; the error comes from the command line (qemuxmlconf's case)
            }
            if (!Files.exists(input)) {
                results.notRun(stem, "no input file: the error is the driver's failure to open it");
                continue;
            }
            String expected = Files.readString(err, StandardCharsets.UTF_8).strip();
            try {
                codec.parse(Files.readString(input, StandardCharsets.UTF_8), DomainXmlCodec.PARSE_INACTIVE);
                accepted++;
                results.failed(stem, "accepted: a QEMU driver check, not the generic parser's (libvirt: " + expected + ")");
            } catch (VirtException e) {
                if (e.getMessage().equals(expected)) {
                    results.passed(stem);
                } else {
                    results.failed(stem, e.getMessage() + " (libvirt: " + expected + ")");
                }
            }
        }
        System.out.println("qemu-parse-errors: " + accepted + " of the failed are accepted (driver checks)");
        results.assertNoRegression();
    }
}
