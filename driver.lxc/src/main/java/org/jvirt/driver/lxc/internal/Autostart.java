package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the inactive autostart containers once per host boot, as libvirtd does when it starts: a
 * marker in the run folder holds the boot id, so a driver update or a daemon restart does not start
 * again what a user stopped.
 */
final class Autostart {
    private static final Logger LOG = LoggerFactory.getLogger(Autostart.class);
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final LxcHost host;
    private final ContainerLifecycle lifecycle;
    private final Path marker;

    Autostart(LxcHost host, ContainerLifecycle lifecycle, Path runDir) {
        this.host = host;
        this.lifecycle = lifecycle;
        this.marker = runDir.resolve("autostarted");
    }

    void run() {
        String boot = read(BOOT_ID);
        if (boot.isEmpty() || boot.equals(read(marker))) {
            return;
        }
        for (LxcDomain d : host.all()) {
            synchronized (d) {
                if (d.autostart() && !d.isActive() && d.persistentDef() != null) {
                    try {
                        lifecycle.start(d, d.persistentDef());
                    } catch (VirtException | RuntimeException e) {
                        LOG.error("autostart of container '{}' failed: {}", d.name(), e.getMessage());
                    }
                }
            }
        }
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, boot);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", marker, e.toString());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
