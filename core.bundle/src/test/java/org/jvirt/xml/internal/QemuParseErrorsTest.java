package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.testing.DomainSchemaValidator;

/**
 * The parse-error cases of qemuxmlconftest ({@code NAME.x86_64-latest.err} without an
 * {@code .xml} output): most are QEMU driver checks, but those libvirt's generic parser and
 * validator make must be rejected here with libvirt's exact message. Prints
 * {@code qemu-parse-errors: N same message, M other message, K accepted (driver checks)}.
 */
class QemuParseErrorsTest {
    /** The generic checks matched so far; fewer is a regression. */
    static final int MIN_SAME = 13;

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    @Test
    void genericParseErrorsMatchLibvirt() throws IOException {
        Path data = DomainSchemaValidator.testdata();
        assumeTrue(data != null && Files.isDirectory(data.resolve("qemuxmlconfdata")), "no libvirt test data");
        Path dir = data.resolve("qemuxmlconfdata");
        List<Path> errs;
        try (Stream<Path> s = Files.list(dir)) {
            errs = s.filter(p -> p.getFileName().toString().endsWith(".x86_64-latest.err")).sorted().toList();
        }
        int same = 0;
        int accepted = 0;
        List<String> other = new ArrayList<>();
        for (Path err : errs) {
            String stem = err.getFileName().toString().replace(".x86_64-latest.err", "");
            Path input = dir.resolve(stem + ".xml");
            if (!Files.exists(input) || Files.exists(dir.resolve(stem + ".x86_64-latest.xml"))) {
                continue;
            }
            String expected = Files.readString(err, StandardCharsets.UTF_8).strip();
            try {
                codec.parse(Files.readString(input, StandardCharsets.UTF_8), DomainXmlCodec.PARSE_INACTIVE);
                accepted++;
            } catch (VirtException e) {
                if (e.getMessage().equals(expected)) {
                    same++;
                } else {
                    other.add(stem + ": " + e.getMessage() + " (libvirt: " + expected + ")");
                }
            }
        }
        System.out.println("qemu-parse-errors: " + same + " same message, " + other.size() + " other message, "
                + accepted + " accepted (driver checks)");
        other.forEach(o -> System.out.println("  OTHER " + o));
        assertTrue(same >= MIN_SAME, "generic parse errors regressed: " + same + " < " + MIN_SAME);
    }
}
