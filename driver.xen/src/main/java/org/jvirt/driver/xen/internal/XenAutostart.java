package org.jvirt.driver.xen.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the inactive autostart domains once per host boot, as libvirt's libxl driver does when
 * libvirtd starts: the boot id is kept in the state store, so a driver update or a daemon restart
 * does not start again what a user stopped.
 */
final class XenAutostart {
    private static final Logger LOG = LoggerFactory.getLogger(XenAutostart.class);
    /** A status record key that is no UUID, so {@link XenReattach} never reads it as a domain. */
    static final String MARKER = "autostarted-boot";

    private final XenDomains domains;
    private final XenDefinitions definitions;
    private final StateStore store;
    private final Path bootId;

    /** @param root the file system root ({@code /} on a host) where the kernel's boot id is read */
    XenAutostart(XenDomains domains, XenDefinitions definitions, StateStore store, Path root) {
        this.domains = domains;
        this.definitions = definitions;
        this.store = store;
        this.bootId = root.resolve("proc/sys/kernel/random/boot_id");
    }

    void run() throws VirtException {
        String boot;
        try {
            boot = Files.readString(bootId).strip();
        } catch (IOException e) {
            LOG.info("no autostart: cannot read the boot id {}: {}", bootId, e.toString());
            return;
        }
        Optional<byte[]> done = store.read(XenDomains.STORE, RecordKind.STATUS, MARKER);
        if (done.isPresent() && new String(done.get(), StandardCharsets.UTF_8).equals(boot)) {
            return;
        }
        for (XenDomain d : domains.all()) {
            if (d.autostart() && !d.isActive() && d.isPersistent()) {
                try {
                    definitions.start(d, false);
                } catch (VirtException | RuntimeException e) {
                    LOG.error("autostart of Xen domain '{}' failed: {}", d.name(), e.getMessage());
                }
            }
        }
        store.write(XenDomains.STORE, RecordKind.STATUS, MARKER, boot.getBytes(StandardCharsets.UTF_8));
    }
}
