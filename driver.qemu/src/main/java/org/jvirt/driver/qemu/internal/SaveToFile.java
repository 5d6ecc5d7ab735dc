package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.launch.GuestRunDir;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.internal.save.MigrationStream;
import org.jvirt.driver.qemu.internal.save.SaveImageFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt 9.0's qemuDomainSaveInternal, shared by managed save ({@link ManagedSave}) and save to a
 * file ({@link QemuSaves}): pauses the guest, writes the image (header, {@code xml}, QEMU's state)
 * under a temporary name renamed once complete, then stops the guest (SHUTOFF_SAVED, event
 * STOPPED/SAVED; a transient guest goes). On any failure the partial image is removed and a guest
 * that ran runs again (RUNNING_SAVE_CANCELED). {@code BYPASS_CACHE} is accepted as libvirt does
 * where O_DIRECT exists; the relay writes through the page cache all the same.
 */
final class SaveToFile {
    private static final Logger LOG = LoggerFactory.getLogger(SaveToFile.class);

    private final QemuHost host;
    private final HostContext ctx;

    SaveToFile(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
    }

    /**
     * Saves the active {@code dom} (lock held) to {@code image}, the definition {@code xml} in its
     * header; {@code makeFolder}: the image's folder is made (mode 0700) once the guest is paused.
     */
    void save(QemuDomainObj dom, Path image, String xml, int flags, boolean makeFolder) throws VirtException {
        LOG.info("Saving state of domain '{}' to '{}'", dom.name(), image);
        long began = System.nanoTime();
        QmpClient qmp = dom.qmp();
        checkMigratable(qmp);
        boolean paused = false;
        if (dom.isState(DomainState.RUNNING)) {
            run(qmp, "stop");
            paused = true;
            dom.setState(StateReason.PAUSED_SAVE);
            host.saveStatusQuietly(dom);
            host.events().emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        }
        boolean wasRunning = isSet(flags, ManagedSave.SAVE_RUNNING) || (paused && !isSet(flags, ManagedSave.SAVE_PAUSED));
        try {
            writeImage(dom, qmp, image, xml, wasRunning, makeFolder);
        } catch (VirtException e) {
            if (paused) {
                resumeAfterFailure(dom, qmp);
            }
            throw e;
        }
        dom.setStopping(true);
        long pid = dom.pid();
        if (!QemuProcesses.terminate(pid, ctx.destroyTimeout(), ctx.destroyTimeout())) {
            dom.setStopping(false);
            throw QemuErrors.failed("failed to kill qemu process with SIGTERM and SIGKILL (pid " + pid + ")");
        }
        host.lifecycle().stopped(dom, StateReason.SHUTOFF_SAVED, ManagedSave.STOPPED_SAVED);
        LOG.info("domain '{}' saved: {} bytes in {} ms", dom.name(), sizeOf(image),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** qemuMigrationSrcIsAllowed: what QEMU names as a migration blocker refuses the save before the pause. */
    private static void checkMigratable(QmpClient qmp) throws VirtException {
        String blockers;
        try {
            blockers = MigrationStream.blockers(qmp);
        } catch (QmpException e) {
            throw QemuErrors.failed("cannot query migration blockers: " + e.getMessage());
        }
        if (!blockers.isEmpty()) {
            throw QemuErrors.invalid("cannot migrate domain: " + blockers);
        }
    }

    private static boolean isSet(int flags, int bit) {
        return (flags & bit) != 0;
    }

    /** The image under a temporary name, renamed to {@code image} once QEMU's stream is complete. */
    private void writeImage(QemuDomainObj dom, QmpClient qmp, Path image, String xml, boolean wasRunning,
            boolean makeFolder) throws VirtException {
        DomainDef live = dom.liveDef();
        SaveImageFile.Writer writer;
        try {
            if (makeFolder) {
                Files.createDirectories(image.getParent(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            writer = SaveImageFile.create(image, xml, wasRunning);
        } catch (IOException e) {
            throw QemuErrors.system("Failed to create file '" + image + "': " + e.getMessage());
        }
        try (writer) {
            Path socket = new GuestRunDir(ctx.runDir()).domainDir(dom.id(), dom.name()).resolve("save.sock");
            long pid = dom.pid();
            MigrationStream.save(qmp, socket, s -> ctx.security().setPath(live, s), writer.stream(),
                    () -> QemuProcesses.isAlive(pid), ctx.monitorTimeout());
            writer.commit();
        } catch (MigrationStream.SaveException e) {
            throw QemuErrors.failed(e.getMessage());
        } catch (IOException e) {
            throw QemuErrors.system("failed to write header to domain save file '" + image + "': "
                    + e.getMessage());
        }
    }

    /** qemuDomainSaveInternal's endjob: the guest runs again, or says why it cannot. */
    private void resumeAfterFailure(QemuDomainObj dom, QmpClient qmp) {
        try {
            qmp.execute("cont", null);
            dom.setState(StateReason.RUNNING_SAVE_CANCELED);
            host.events().emit(dom, DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
        } catch (QmpException e) {
            LOG.warn("Unable to resume guest CPUs of domain '{}' after save failure: {}", dom.name(),
                    e.getMessage());
            host.events().emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_API_ERROR);
        }
        host.saveStatusQuietly(dom);
    }

    private static void run(QmpClient qmp, String command) throws VirtException {
        try {
            qmp.execute(command, null);
        } catch (QmpException e) {
            throw QemuErrors.failed(command + " failed: " + e.getMessage());
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
