package org.jvirt.driver.xen.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting and stopping domains through libxl, as libvirt's libxl driver: a domain is created
 * paused from its definition ({@code xl create -p}, the xl.cfg {@link XlWriter} writes) and then
 * unpaused, so that a failure at any step destroys what was created and leaves the domain defined
 * and shut off; destroy, shutdown, reboot, pause and unpause name the domain by its Xen id.
 */
final class XenLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(XenLifecycle.class);

    private final XenDomains domains;
    private final Xl xl;

    XenLifecycle(XenDomains domains, Xl xl) {
        this.domains = domains;
        this.xl = xl;
    }

    /** {@code libxlDomainStart}; the caller holds the domain's monitor. */
    void start(XenDomain dom, DomainDef def, boolean paused) throws VirtException {
        if (dom.isActive()) {
            throw XenErrors.operationInvalid("domain is already running");
        }
        String failure = "libxenlight failed to create new domain '" + def.name() + "'";
        String cfg = XlWriter.forStart().write(def);
        Path file = writeConfig(def.uuid(), cfg);
        try {
            xl.call(failure, "create", "-p", file.toString());
        } catch (VirtException e) {
            dom.stopped(StateReason.SHUTOFF_FAILED);
            throw e;
        } finally {
            deleteQuietly(file);
        }
        int domid = -1;
        try {
            try {
                domid = Integer.parseInt(xl.call(failure, "domid", def.name()).out().strip());
            } catch (NumberFormatException e) {
                throw XenErrors.internal(failure + ": xl domid printed no domain id");
            }
            if (!paused) {
                xl.call("libxenlight failed to unpause domain '" + def.name() + "'", "unpause", String.valueOf(domid));
            }
            dom.running(domid, def, DomainStateInfo.of(paused ? StateReason.PAUSED_USER : StateReason.RUNNING_BOOTED));
            domains.saveStatus(dom);
        } catch (VirtException e) {
            // libvirt's libxlDomainStart: whatever was created goes away again (by name when its id is unknown)
            destroyQuietly(domid >= 0 ? String.valueOf(domid) : def.name());
            dom.stopped(StateReason.SHUTOFF_FAILED);
            throw e;
        }
        LOG.info("domain '{}' started as Xen domain {}", def.name(), domid);
        domains.emit(dom, DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        if (paused) {
            domains.emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        }
    }

    /** {@code libxlDomainDestroyFlags}. */
    void destroy(XenDomain dom) throws VirtException {
        int domid = requireActive(dom);
        xl.call("Failed to destroy domain '" + domid + "'", "destroy", String.valueOf(domid));
        stopped(dom, StateReason.SHUTOFF_DESTROYED, DomainEventType.STOPPED_DESTROYED);
    }

    /** {@code libxlDomainShutdownFlags}: asks the guest (ACPI power button when it has no PV drivers). */
    void shutdown(XenDomain dom) throws VirtException {
        int domid = requireActive(dom);
        xl.call("Failed to shutdown domain '" + domid + "' with libxenlight", "shutdown", "-F", String.valueOf(domid));
    }

    /** {@code libxlDomainReboot}. */
    void reboot(XenDomain dom) throws VirtException {
        int domid = requireActive(dom);
        xl.call("Failed to reboot domain '" + domid + "' with libxenlight", "reboot", "-F", String.valueOf(domid));
    }

    /** {@code libxlDomainSuspend}: pausing a paused domain does nothing. */
    void suspend(XenDomain dom) throws VirtException {
        int domid = requireActive(dom);
        if (dom.isPaused()) {
            return;
        }
        xl.call("Failed to suspend domain '" + domid + "' with libxenlight", "pause", String.valueOf(domid));
        dom.setState(StateReason.PAUSED_USER);
        domains.saveStatus(dom);
        domains.emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
    }

    /** {@code libxlDomainResume}. */
    void resume(XenDomain dom) throws VirtException {
        int domid = requireActive(dom);
        if (!dom.isPaused()) {
            return;
        }
        xl.call("Failed to resume domain '" + domid + "' with libxenlight", "unpause", String.valueOf(domid));
        dom.setState(StateReason.RUNNING_UNPAUSED);
        domains.saveStatus(dom);
        domains.emit(dom, DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
    }

    /** The domain left Xen (destroyed here, or seen gone by {@link XenReattach}). */
    void stopped(XenDomain dom, StateReason reason, int eventDetail) {
        dom.stopped(reason);
        domains.deleteStatus(dom);
        domains.emit(dom, DomainEventType.STOPPED, eventDetail);
        domains.removeIfUnused(dom);
    }

    static int requireActive(XenDomain dom) throws VirtException {
        int domid = dom.id();
        if (domid < 0) {
            throw XenErrors.operationInvalid("domain is not running");
        }
        return domid;
    }

    private void destroyQuietly(String domain) {
        try {
            xl.call("Failed to destroy domain '" + domain + "'", "destroy", domain);
        } catch (VirtException e) {
            LOG.error("cannot destroy the half-started Xen domain {}: {}", domain, e.getMessage());
        }
    }

    /** The xl.cfg goes to a private temporary file: it may hold VNC passwords. */
    private static Path writeConfig(UUID uuid, String cfg) throws VirtException {
        try {
            Path file = Files.createTempFile("jvirt-xen-" + uuid, ".cfg",
                    PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            Files.writeString(file, cfg, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw XenErrors.internal("cannot write the xl configuration of domain " + uuid + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
