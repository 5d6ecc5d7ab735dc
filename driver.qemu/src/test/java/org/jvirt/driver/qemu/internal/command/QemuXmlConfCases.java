package org.jvirt.driver.qemu.internal.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which qemuxmlconfdata stems {@link QemuXmlConfTest} runs, and why it does not run the others
 * (the data README's stem groups and its "Cases with special setup" and fixtures): every stem of the
 * data is either run or reported as not run with a reason, none is left out silently.
 */
final class QemuXmlConfCases {
    /** {@code NAME.x86_64-<version>[.abi-update][+variant].<ext>}; names may contain dots, so from the right. */
    private static final Pattern OUTPUT = Pattern.compile(
            "(.+)\\.x86_64-(latest|\\d+\\.\\d+\\.\\d+)(\\.abi-update)?(\\+[\\w-]+)?\\.(xml|args|err)");
    private static final String LATEST = "latest";

    /** README setups the harness does not fake: a stem needing one is judged only if it passes without. */
    private static final List<Map.Entry<Predicate<String>, String>> SETUPS = List.of(
            setup(Set.of("machine-core-off")::contains, "dump_guest_core=1"),
            setup(Set.of("audio-default-sdl")::contains, "QEMU_AUDIO_DRV=sdl, SDL_AUDIODRIVER=esd"),
            setup(Set.of("audio-default-vnc", "audio-default-nographics")::contains,
                    "QEMU_AUDIO_DRV=alsa with vnc/nographics_allow_host_audio"),
            setup(Set.of("disk-network-tlsx509-nbd", "disk-network-tlsx509-nbd-hostname", "disk-network-http")::contains,
                    "vxhs_tls=1 and the NBD/VXHS TLS secret"),
            setup(Set.of("disk-cdrom-network-nbdkit", "disk-network-source-curl-nbdkit", "disk-network-http-nbdkit",
                    "disk-network-ssh-password", "disk-network-ssh-key")::contains, "storage_use_nbdkit=1 with nbdkit plugins"),
            setup(Set.of("disk-vhostvdpa")::contains, "/dev/vhost-vdpa-0 as fd 201"),
            setup(Set.of("disk-source-fd")::contains, "fd groups passed to the guest"),
            setup(Set.of("graphics-vnc-auto-socket-cfg")::contains, "vnc_auto_unix_socket"),
            setup(Set.of("graphics-vnc-sasl")::contains, "vnc_sasl"),
            setup(Set.of("graphics-vnc-tls", "graphics-vnc-tls-secret")::contains,
                    "vnc_sasl, vnc_tls, vnc_tls_x509_verify (and the TLS secret)"),
            setup(s -> s.startsWith("graphics-spice") || s.equals("serial-spiceport") || s.equals("channel-spicevmc"),
                    "spice_tls=1 (spice_sasl, spice_auto_unix_socket)"),
            setup(Set.of("serial-tcp-tlsx509-chardev", "serial-tcp-tlsx509-chardev-verify",
                    "serial-tcp-tlsx509-secret-chardev")::contains, "chardev_tls=1 (verify, secret)"),
            setup(Set.of("cpu-kvmclock", "cpu-minimum1", "cpu-minimum2", "cpu-exact1", "cpu-exact2",
                    "cpu-exact2-nofallback", "cpu-strict1", "cpu-no-removed-features", "cpu-host-model-vendor",
                    "cpu-Haswell", "cpu-Haswell2", "cpu-Haswell3", "cpu-Haswell-noTSX", "cpu-host-model-cmt",
                    "cpu-tsc-frequency", "cpu-cache-disable3", "cpu-phys-bits-emulate2")::contains, "a Haswell host CPU"),
            setup(Set.of("migrate", "migrate-numa-unaligned")::contains, "an incoming migration"),
            setup(Set.of("usb-controller-default-unavailable-i440fx", "usb-controller-default-unavailable-q35",
                    "usb-controller-automatic-unavailable-q35", "usb-controller-nec-xhci-unavailable")::contains,
                    "USB capability flags removed"),
            setup(Set.of("launch-security-sev-direct", "launch-security-sev-snp")::contains,
                    "the SEV / SEV-SNP capability flag added"),
            setup(Set.of("chardev-backends-json")::contains, "the chardev-JSON capability flag added"),
            setup(s -> s.equals("disk-source-pool-mode") || s.startsWith("luks-disks-source"),
                    "iSCSI storage pools (volumes by mode host/direct)"),
            setup(s -> s.startsWith("firmware-auto-"), "firmware descriptor fixtures"),
            setup(s -> s.equals("vhost-user-vga") || s.equals("vhost-user-gpu-secondary") || s.startsWith("vhost-user-fs-"),
                    "vhost-user descriptor fixtures"),
            setup(s -> s.startsWith("hostdev-"), "a fake PCI sysfs"));

    /** Extra runs of a stem with another setup (README), named "STEM (setup)". */
    private static final List<String> VARIANT_RUNS = List.of("net-user (with the slirp helper)",
            "tpm-emulator-tpm2 (swtpm limited to TPM 1.2)");

    private final Path dir;
    private final SortedSet<String> latest = new TreeSet<>();
    private final SortedMap<String, String> notRun = new TreeMap<>();

    QemuXmlConfCases(Path data) throws IOException {
        dir = data.resolve("qemuxmlconfdata");
        Path caps = data.resolve("qemucapabilitiesdata");
        try (Stream<Path> files = Files.list(dir)) {
            for (String n : files.map(p -> p.getFileName().toString()).sorted().toList()) {
                Matcher m = OUTPUT.matcher(n);
                if (!m.matches()) {
                    continue; // an input
                }
                String version = m.group(2);
                boolean abiUpdate = m.group(3) != null;
                String variant = m.group(4) == null ? "" : m.group(4);
                if (version.equals(LATEST) && !abiUpdate && variant.isEmpty()) {
                    latest.add(m.group(1));
                } else {
                    String stem = m.group(1) + ".x86_64-" + version + (abiUpdate ? ".abi-update" : "") + variant;
                    notRun.put(stem, whyNotRun(caps, version, abiUpdate, variant));
                }
            }
        }
        VARIANT_RUNS.forEach(v -> notRun.put(v, "a second run with another setup, not implemented"));
    }

    /** The {@code x86_64-latest} stems, which the harness runs. */
    SortedSet<String> latestStems() {
        return latest;
    }

    /** The stems and extra runs the harness does not run, with the reason. */
    SortedMap<String, String> notRun() {
        return notRun;
    }

    /** The README setup {@code stem} needs that the harness does not fake, or null. */
    String missingSetup(String stem) throws IOException {
        for (Map.Entry<Predicate<String>, String> s : SETUPS) {
            if (s.getKey().test(stem)) {
                return s.getValue();
            }
        }
        Path input = dir.resolve(stem + ".xml");
        if (stem.startsWith("net-") && Files.exists(input)
                && Files.readString(input, StandardCharsets.UTF_8).contains("network=")) {
            return "network and network-port fixtures";
        }
        return null;
    }

    private static String whyNotRun(Path caps, String version, boolean abiUpdate, String variant) throws IOException {
        String dump = "caps_" + (version.equals(LATEST) ? "*" : version) + "_x86_64" + variant + ".xml";
        boolean haveDump;
        try (Stream<Path> s = Files.list(caps)) {
            haveDump = s.anyMatch(p -> p.getFileSystem().getPathMatcher("glob:" + dump).matches(p.getFileName()));
        }
        if (!haveDump) {
            return "capability dump missing (no " + dump + " in qemucapabilitiesdata)";
        }
        return abiUpdate ? "abi-update: the harness does not parse with PARSE_ABI_UPDATE"
                : version + variant + ": the harness runs the x86_64-latest stems only";
    }

    private static Map.Entry<Predicate<String>, String> setup(Predicate<String> stems, String what) {
        return Map.entry(stems, what);
    }
}
