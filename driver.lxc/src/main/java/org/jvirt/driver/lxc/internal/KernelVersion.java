package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running kernel's version, which libvirt's LXC driver reports as the hypervisor version. */
final class KernelVersion {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private KernelVersion() {
    }

    static long current() {
        try {
            return parse(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        } catch (IOException e) {
            return parse(System.getProperty("os.version", "0.0.0"));
        }
    }

    /** {@code 6.1.0-18-amd64} → 6001000. */
    static long parse(String release) {
        Matcher m = VERSION.matcher(release);
        if (!m.find()) {
            return 0;
        }
        long micro = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1_000 + micro;
    }
}
