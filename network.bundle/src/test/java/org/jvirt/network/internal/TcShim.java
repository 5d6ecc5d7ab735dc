package org.jvirt.network.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only wrapper between the driver and {@code tc}. It logs every {@code tc} command, so a test can
 * compare them with libvirt's, and it lets through the commands that fail only because this kernel lacks
 * a module (sfq, the fw classifier, the police action: libvirtd's would fail the same way), recording
 * those, so the rest of libvirt's tree is built and read back. {@link #lacks} probes the kernel on its
 * own, so a test can say exactly which commands must have been let through.
 */
public final class TcShim {
    private static final String SCRIPT = """
            #!/bin/sh
            if [ "$1" = tc ]; then
              echo "$*" >> "$0.log"
              err=$("$@" 2>&1 >/dev/null); rc=$?
              case "$err" in
                *"kind is unknown"*|*"classifier not found"*|*"action module"*) echo "$*" >> "$0.skipped"; exit 0;;
              esac
              [ $rc -ne 0 ] && echo "$err" >&2
              exit $rc
            fi
            exec "$@"
            """;

    /** What the kernel in a namespace lacks, probed on a tap of its own with plain {@code tc}. */
    public record Lacks(boolean sfq, boolean fw, boolean police) {
    }

    private final Path script;

    public TcShim(Path dir) throws IOException {
        script = dir.resolve("tc-shim");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    /** The command prefix for a driver working in this process's own network namespace: the shim. */
    public List<String> prefix() {
        return List.of(script.toString());
    }

    /** The command prefix for a driver: the namespace's, then the shim. */
    public List<String> prefix(Netns ns) {
        List<String> prefix = new ArrayList<>(ns.prefix());
        prefix.add(script.toString());
        return prefix;
    }

    /** Every tc command run since the last {@link #resetLog}, as {@code tc ARGS...} lines. */
    public List<String> log() throws IOException {
        return lines(Path.of(script + ".log"));
    }

    /** The tc commands let through because the kernel lacks what they need. */
    public List<String> skipped() throws IOException {
        return lines(Path.of(script + ".skipped"));
    }

    public void resetLog() throws IOException {
        Files.deleteIfExists(Path.of(script + ".log"));
        Files.deleteIfExists(Path.of(script + ".skipped"));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Probes which of sfq, fw and police the kernel lacks, on a tap made and removed in {@code ns}. */
    public static Lacks lacks(Netns ns) throws Exception {
        String dev = "jvtprobe0";
        ns.check("ip", "tuntap", "add", "dev", dev, "mode", "tap");
        try {
            boolean sfq = ns.exec("tc", "qdisc", "add", "dev", dev, "root", "sfq").exit() != 0;
            ns.exec("tc", "qdisc", "del", "dev", dev, "root");
            ns.check("tc", "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb");
            boolean fw = ns.exec("tc", "filter", "add", "dev", dev, "parent", "1:0", "protocol", "all", "prio", "1",
                    "handle", "1", "fw", "flowid", "1").exit() != 0;
            ns.check("tc", "qdisc", "add", "dev", dev, "ingress");
            boolean police = ns.exec("tc", "filter", "add", "dev", dev, "parent", "ffff:", "protocol", "all", "u32",
                    "match", "u32", "0", "0", "police", "rate", "1kbps", "burst", "1kb", "drop", "flowid", ":1")
                    .exit() != 0;
            return new Lacks(sfq, fw, police);
        } finally {
            ns.exec("ip", "link", "del", "dev", dev);
        }
    }
}
