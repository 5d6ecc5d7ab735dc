package org.jvirt.driver.xen.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this machine is a Xen control domain, as libvirt's {@code libxlDriverShouldLoad} decides:
 * {@code /proc/xen/capabilities} must start with {@code control_d} (any guest can mount xenfs, so
 * the file alone proves nothing); without that file, {@code /dev/xen/privcmd} must exist.
 */
final class XenHostProbe {
    private final Path root;

    /** @param root the file system root the paths are resolved against ({@code /} on a host) */
    XenHostProbe(Path root) {
        this.root = root;
    }

    /** @return null when Xen's control interfaces are there, else why not (for the log) */
    String whyNotXen() {
        Path caps = root.resolve("proc/xen/capabilities");
        if (Files.exists(caps)) {
            try {
                byte[] head = Files.readAllBytes(caps);
                String text = new String(head, 0, Math.min(head.length, 10), StandardCharsets.US_ASCII);
                return text.startsWith("control_d") ? null
                        : "No Xen capabilities detected, probably not running in a Xen Dom0";
            } catch (IOException e) {
                return "cannot read " + caps + ": " + e.getMessage();
            }
        }
        if (!Files.exists(root.resolve("dev/xen/privcmd"))) {
            return "neither /proc/xen/capabilities nor /dev/xen/privcmd exist";
        }
        return null;
    }
}
