package org.jvirt.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.MachineAliases;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.driver.qemu.internal.volume.GuestVolumes;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libvirt's qemuxmlconftest over {@code qemuxmlconfdata}, {@code x86_64-latest} stems with the
 * 10.0.0 capabilities and the fake environment of libvirt's harness: parse + post-parse, format
 * (against the expected .xml), re-parse and re-format the expected .xml, and the command line
 * (against .args) or the expected error (.err).
 *
 * <p>The stems expected to pass are listed in {@code conformance/qemuxmlconf.pass}; the stems it
 * cannot run are reported with the reason ({@link QemuXmlConfCases}).
 *
 * <p>System properties: {@code jvirt.testdata} (the data folder, see {@code LibvirtTestData}),
 * {@code qemuxmlconf.only} (comma-separated stems to run), {@code qemuxmlconf.verbose} (print the
 * first difference of each failing stem).
 */
class QemuXmlConfTest {
    /** The README's recommended first 40 stems: all of them must pass, and stay in the list. */
    static final List<String> RECOMMENDED = List.of("x86_64-pc-minimal", "boot-cdrom", "boot-network",
            "boot-floppy", "boot-multi", "boot-menu-enable", "boot-menu-disable", "boot-order", "clock-utc",
            "clock-localtime", "clock-variable", "machine-aliases1", "machine-core-on", "machine-smm-on",
            "misc-disable-s3", "misc-enable-s4", "misc-no-reboot", "misc-uuid", "reboot-timeout-disabled",
            "input-usbmouse", "graphics-vnc", "graphics-sdl", "disk-cdrom", "disk-floppy", "disk-virtio",
            "eoi-enabled", "pv-spinlock-enabled", "hyperv", "balloon-device", "memtune", "cpu-topology1",
            "video-vga-device", "virtio-rng-default", "usb-none", "serial-pty-chardev", "console-compat", "q35",
            "x86_64-pc-headless", "x86_64-q35-headless", "x86_64-pc-graphics");

    private static final String SUFFIX = ".x86_64-latest";

    private static final GuestDefaults DEFAULTS = (virtType, osType) -> "x86_64";
    private static Path data;
    private static QemuCaps caps;

    @BeforeAll
    static void load() throws IOException {
        data = LibvirtTestData.require("qemuxmlconfdata", "qemucapabilitiesdata");
        caps = MachineAliases.stripped(
                new QemuCapsDumpLoader().load(data.resolve("qemucapabilitiesdata/caps_10.0.0_x86_64.xml")));
    }

    @Test
    void qemuxmlconf() throws IOException {
        QemuXmlConfCases cases = new QemuXmlConfCases(data);
        String only = System.getProperty("qemuxmlconf.only");
        boolean verbose = Boolean.getBoolean("qemuxmlconf.verbose");
        ConformanceResults results = new ConformanceResults("qemuxmlconf");
        Predicate<String> selected = only == null || only.isBlank() ? stem -> true : Set.of(only.split(","))::contains;
        if (only != null && !only.isBlank()) {
            results.onlySelected(selected);
        }
        cases.notRun().forEach((stem, why) -> {
            if (selected.test(stem)) {
                results.notRun(stem, why);
            }
        });
        for (String stem : cases.latestStems()) {
            if (!selected.test(stem)) {
                continue;
            }
            String problem;
            try {
                problem = check(stem);
            } catch (RuntimeException | StackOverflowError e) {
                problem = "crashed: " + e;
            }
            String setup = problem == null ? null : cases.missingSetup(stem);
            if (problem == null) {
                results.passed(stem);
            } else if (setup != null) {
                // its failure says nothing about jvirt; a stem that passes without the setup counts
                results.notRun(stem, "setup not implemented: " + setup + " (failed without it)");
            } else {
                results.failed(stem, problem);
            }
            if (problem != null && verbose) {
                System.out.println("FAIL " + stem + ": " + problem);
            }
        }
        List<String> recommendedFailing = RECOMMENDED.stream().filter(selected)
                .filter(s -> !results.passedCases().contains(s)).toList();
        results.assertNoRegression();
        System.out.println("qemuxmlconf: recommended " + RECOMMENDED.stream().filter(results.passedCases()::contains)
                .count() + "/" + RECOMMENDED.size());
        assertEquals(List.of(), recommendedFailing, "recommended stems that do not pass");
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
            if (stem.startsWith("disk-source-pool")) {
                // qemuProcessPrepareDomainStorage with the harness's fake storage driver
                def = new GuestVolumes(new HarnessVolumes(data.resolve("libvirt-9.0/storagepoolxml2xmlout"))).translate(def);
            }
            QemuCommandLine cmd = new QemuCommandBuilder(caps, environment(stem)).build(def);
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
}
