package org.jvirt.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.MachineAliases;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libvirt's qemuxmlconftest over {@code qemuxmlconfdata}, {@code x86_64-latest} stems with the
 * 10.0.0 capabilities and the fake environment of libvirt's harness: parse + post-parse, format
 * (against the expected .xml), re-parse and re-format the expected .xml, and the command line
 * (against .args) or the expected error (.err).
 *
 * <p>System properties: {@code jvirt.testdata} (the data folder; the test is skipped without it),
 * {@code qemuxmlconf.only} (comma-separated stems to run), {@code qemuxmlconf.verbose} (print the
 * first difference of each failing stem).
 */
class QemuXmlConfTest {
    /** The README's recommended first 40 stems: all of them must pass. */
    static final List<String> RECOMMENDED = List.of("x86_64-pc-minimal", "boot-cdrom", "boot-network",
            "boot-floppy", "boot-multi", "boot-menu-enable", "boot-menu-disable", "boot-order", "clock-utc",
            "clock-localtime", "clock-variable", "machine-aliases1", "machine-core-on", "machine-smm-on",
            "misc-disable-s3", "misc-enable-s4", "misc-no-reboot", "misc-uuid", "reboot-timeout-disabled",
            "input-usbmouse", "graphics-vnc", "graphics-sdl", "disk-cdrom", "disk-floppy", "disk-virtio",
            "eoi-enabled", "pv-spinlock-enabled", "hyperv", "balloon-device", "memtune", "cpu-topology1",
            "video-vga-device", "virtio-rng-default", "usb-none", "serial-pty-chardev", "console-compat", "q35",
            "x86_64-pc-headless", "x86_64-q35-headless", "x86_64-pc-graphics");

    /** Regression floor: the number of stems passing every check when this was last raised. */
    static final int MINIMUM_PASSING = 435;
    static final int MINIMUM_RECOMMENDED = 40;

    private static final String SUFFIX = ".x86_64-latest";

    private static final GuestDefaults DEFAULTS = (virtType, osType) -> "x86_64";
    private static Path data;
    private static QemuCaps caps;

    @BeforeAll
    static void load() throws IOException {
        String dir = System.getProperty("jvirt.testdata");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "qemuxmlconfdata")),
                "libvirt test data not available (system property jvirt.testdata)");
        data = Path.of(dir);
        caps = MachineAliases.stripped(
                new QemuCapsDumpLoader().load(data.resolve("qemucapabilitiesdata/caps_10.0.0_x86_64.xml")));
    }

    @Test
    void qemuxmlconf() throws IOException {
        Set<String> stems = stems();
        String only = System.getProperty("qemuxmlconf.only");
        boolean verbose = Boolean.getBoolean("qemuxmlconf.verbose");
        int passed = 0;
        List<String> failed = new ArrayList<>();
        int recommendedPassed = 0;
        for (String stem : stems) {
            if (only != null && !only.isBlank() && !Set.of(only.split(",")).contains(stem)) {
                continue;
            }
            String problem;
            try {
                problem = check(stem);
            } catch (RuntimeException | StackOverflowError e) {
                problem = "crashed: " + e;
            }
            if (problem == null) {
                passed++;
                if (RECOMMENDED.contains(stem)) {
                    recommendedPassed++;
                }
            } else {
                failed.add(stem);
                if (verbose) {
                    System.out.println("FAIL " + stem + ": " + problem);
                }
            }
        }
        System.out.println("qemuxmlconf: " + passed + " passed, " + failed.size() + " failed");
        System.out.println("qemuxmlconf: recommended " + recommendedPassed + "/" + RECOMMENDED.size());
        System.out.println("qemuxmlconf failing: " + String.join(" ", failed));
        if (only == null || only.isBlank()) {
            assertTrue(passed >= MINIMUM_PASSING, "regression: only " + passed + " stems pass");
            assertTrue(recommendedPassed >= MINIMUM_RECOMMENDED, "regression: recommended " + recommendedPassed);
        }
    }

    private static Set<String> stems() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(data.resolve("qemuxmlconfdata"))) {
            files.map(p -> p.getFileName().toString()).forEach(n -> {
                for (String ext : new String[] {".xml", ".args", ".err"}) {
                    if (n.endsWith(SUFFIX + ext)) {
                        out.add(n.substring(0, n.length() - SUFFIX.length() - ext.length()));
                    }
                }
            });
        }
        return out;
    }

    /** Runs every check of one stem; returns null when all pass, else what went wrong first. */
    private static String check(String stem) throws IOException {
        Path dir = data.resolve("qemuxmlconfdata");
        Path input = dir.resolve(stem + ".xml");
        String expectedXml = read(dir.resolve(stem + SUFFIX + ".xml"));
        String expectedArgs = read(dir.resolve(stem + SUFFIX + ".args"));
        String expectedErr = read(dir.resolve(stem + SUFFIX + ".err"));
        if (expectedErr != null) {
            expectedErr = expectedErr.replace("ABS_SRCDIR", data.toString());
        }
        DomainXmlCodec codec = new DomainXmlCodecImpl();
        QemuPostParse postParse = new QemuPostParse(codec);
        DomainDef def;
        try {
            if (!Files.exists(input)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                        "Failed to open file '" + input + "': No such file or directory");
            }
            def = postParse.parse(read(input), DomainXmlCodec.PARSE_INACTIVE, caps);
        } catch (VirtException e) {
            if (expectedErr != null && expectedXml == null) {
                return same(expectedErr, e.getMessage() + "\n", "parse error");
            }
            return "parse failed: " + e.getMessage();
        }
        if (expectedXml == null) {
            return "parsed, but expected error: " + expectedErr;
        }
        String problem = same(expectedXml, codec.format(def, DomainXmlCodec.FORMAT_SECURE), "xml");
        if (problem != null) {
            return problem;
        }
        try {
            DomainDef again = postParse.parse(expectedXml, DomainXmlCodec.PARSE_INACTIVE, caps);
            problem = same(expectedXml, codec.format(again, DomainXmlCodec.FORMAT_SECURE), "re-format");
            if (problem != null) {
                return problem;
            }
        } catch (VirtException e) {
            return "re-parse failed: " + e.getMessage();
        }
        try {
            QemuCommandLine cmd = new QemuCommandBuilder(caps, environment(stem), codec).build(def);
            if (expectedArgs == null) {
                return "command line built, but expected error: " + expectedErr;
            }
            return same(expectedArgs, ArgsFormatter.format(cmd), "args");
        } catch (VirtException e) {
            if (expectedErr != null) {
                return same(expectedErr, e.getMessage() + "\n", "command line error");
            }
            return "command line failed: " + e.getMessage();
        }
    }

    /** The README's per-case setup that jvirt's builder has a knob for. */
    private static CommandEnv environment(String stem) {
        CommandEnv env = LibvirtHarnessEnv.create();
        if (stem.equals("audio-pipewire-minimal") || stem.equals("audio-many-backends")) {
            env = env.withInherited("PIPEWIRE_RUNTIME_DIR", "/run/user/1000");
        }
        return env;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    /** testutils.c: backslash-newline pairs removed from the expectation, final newline added. */
    private static String same(String expected, String actual, String what) {
        String dump = System.getProperty("qemuxmlconf.dump");
        if (dump != null && !dump.isBlank()) {
            try {
                Files.writeString(Path.of(dump, what.replace(' ', '-')), actual);
            } catch (IOException e) {
                // a debugging aid only
            }
        }
        String exp = expected.replace("\\\n", "");
        String act = actual.endsWith("\n") ? actual : actual + "\n";
        if (what.equals("args")) {
            exp = expected;
        }
        if (exp.equals(act)) {
            return null;
        }
        String[] e = exp.split("\n", -1);
        String[] a = act.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<eof>";
            String al = i < a.length ? a[i] : "<eof>";
            if (!el.equals(al)) {
                return what + " differs at line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return what + " differs";
    }

    @Test
    void recommendedListIsForty() {
        assertEquals(40, RECOMMENDED.size());
    }
}
