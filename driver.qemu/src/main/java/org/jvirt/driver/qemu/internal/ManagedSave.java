package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.launch.GuestRunDir;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.internal.save.Decompression;
import org.jvirt.driver.qemu.internal.save.MigrationStream;
import org.jvirt.driver.qemu.internal.save.SaveImageFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt 9.0's managed save of the QEMU driver: {@code qemuDomainManagedSave} (through
 * qemuDomainSaveInternal), the managed-save branch of {@code qemuDomainObjStart}, and
 * {@code qemuDomainManagedSaveRemove}. The image is {@code <save dir>/<name>.save}; whether a
 * domain has one is whether that file exists (libvirt's hasManagedSave, which it too reads from
 * the folder when it loads its domains).
 */
final class ManagedSave {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedSave.class);
    /** virDomainSaveRestoreFlags. */
    static final int SAVE_BYPASS_CACHE = 1;
    static final int SAVE_RUNNING = 2;
    static final int SAVE_PAUSED = 4;
    /** libvirt's VIR_DOMAIN_EVENT_STOPPED_SAVED and VIR_DOMAIN_EVENT_SUSPENDED_RESTORED. */
    static final int STOPPED_SAVED = 4;
    static final int SUSPENDED_RESTORED = 4;

    private final QemuHost host;
    private final HostContext ctx;
    private final SaveToFile saver;

    ManagedSave(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
        this.saver = new SaveToFile(host);
    }

    /** qemuDomainManagedSavePath. */
    static Path imagePath(HostContext ctx, QemuDomainObj dom) {
        return ctx.saveDir().resolve(dom.name() + ".save");
    }

    static boolean hasImage(HostContext ctx, QemuDomainObj dom) {
        return Files.exists(imagePath(ctx, dom));
    }

    /**
     * Pauses the guest, writes the image (header, XML, QEMU's state), then stops the guest
     * (SHUTOFF_SAVED, event STOPPED/SAVED). On any failure the partial image is removed and a
     * guest that ran runs again (RUNNING_SAVE_CANCELED). {@code BYPASS_CACHE} is accepted as
     * libvirt does where O_DIRECT exists; the relay writes through the page cache all the same.
     */
    void save(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, SAVE_BYPASS_CACHE | SAVE_RUNNING | SAVE_PAUSED, "qemuDomainManagedSave");
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            if (!dom.isPersistent()) {
                throw QemuErrors.invalid("cannot do managed save for transient domain");
            }
            Path image = imagePath(ctx, dom);
            String xml = ctx.codec().format(dom.liveDef(), DomainXmlCodec.FORMAT_SECURE | DomainXmlCodec.FORMAT_INACTIVE);
            // the save folder is made after the pause, so a failure to make it resumes the guest
            saver.save(dom, image, xml, flags, true);
        }
    }

    /**
     * A save a daemon did not finish (the guest reattached paused for it): libvirt's
     * qemuProcessRecoverJob cancels the migration and resumes the guest (RUNNING_SAVE_CANCELED);
     * the unfinished image goes too. Lock held.
     */
    static void recoverInterrupted(QemuHost host, QemuDomainObj dom, QmpClient qmp) {
        try {
            qmp.execute("migrate_cancel", null);
            qmp.execute("cont", null);
            dom.setState(StateReason.RUNNING_SAVE_CANCELED);
            LOG.info("domain '{}': resumed after a managed save the previous daemon did not finish", dom.name());
        } catch (QmpException e) {
            LOG.warn("Could not resume domain '{}' after migration to file: {}", dom.name(), e.getMessage());
        }
        Lifecycle.deleteQuietly(SaveImageFile.partPath(imagePath(host.context(), dom)));
    }

    /**
     * qemuDomainObjStart: restores the managed save image if there is one (and deletes it once the
     * guest runs), else boots. {@code forceBoot} discards the image first; an incomplete image is
     * removed and ignored; any other bad image fails the start and stays. Lock held.
     */
    void start(QemuDomainObj dom, DomainDef def, boolean paused, boolean forceBoot) throws VirtException {
        Path image = imagePath(ctx, dom);
        if (Files.exists(image)) {
            if (forceBoot) {
                delete(image, "cannot remove managed save file " + image);
            } else {
                Optional<SaveImageFile.Opened> opened = SaveImageFile.open(image);
                if (opened.isPresent()) {
                    long began = System.nanoTime();
                    try (SaveImageFile.Opened img = opened.get()) {
                        restore(dom, img, !img.header().wasRunning() || paused, paused);
                        LOG.info("domain '{}' restored from {} ({} bytes) in {} ms", dom.name(), image,
                                sizeOf(image), (System.nanoTime() - began) / 1_000_000);
                    } catch (IOException e) {
                        LOG.debug("closing {}: {}", image, e.toString());
                    } catch (VirtException e) {
                        LOG.warn("Unable to restore from managed state {}. Maybe the file is corrupted?", image);
                        throw e;
                    }
                    try {
                        Files.delete(image);
                    } catch (IOException e) {
                        LOG.warn("Failed to remove the managed state {}: {}", image, e.toString());
                    }
                    return;
                }
                // libvirt's qemuSaveImageOpen with unlink_corrupt
                delete(image, "cannot remove corrupt file: " + image);
                LOG.warn("Ignoring incomplete managed state {}", image);
            }
        }
        host.lifecycle().start(dom, def, paused);
    }

    /**
     * qemuDomainObjRestore / qemuSaveImageStartVM: the image's definition, if it is this domain's,
     * started from its state (lock held); {@code paused}: whether the guest stays paused, and
     * {@code startPaused}: whether the caller asked for that (the event's detail).
     */
    void restore(QemuDomainObj dom, SaveImageFile.Opened img, boolean paused, boolean startPaused)
            throws VirtException {
        DomainDef def = ctx.codec().parse(img.xml(), DomainXmlCodec.PARSE_INACTIVE);
        if (!dom.name().equals(def.name()) || !dom.uuid().equals(def.uuid())) {
            throw QemuErrors.failed("cannot restore domain '" + dom.name() + "' uuid " + dom.uuid()
                    + " from a file which belongs to domain '" + def.name() + "' uuid " + def.uuid());
        }
        String program = img.header().decompressor();
        Duration timeout = ctx.monitorTimeout();
        host.lifecycle().start(dom, def, paused, new Lifecycle.Incoming() {
            @Override
            public void load(QemuDomainObj d, QmpClient qmp) throws VirtException {
                Path socket = new GuestRunDir(ctx.runDir()).domainDir(d.id(), d.name()).resolve("restore.sock");
                long pid = d.pid();
                Decompression unpack = null;
                try {
                    unpack = program == null ? null : Decompression.start(program, img.stream());
                    MigrationStream.restore(qmp, socket, unpack == null ? img.stream() : unpack.output(),
                            () -> QemuProcesses.isAlive(pid), timeout);
                    if (unpack != null) {
                        unpack.finish();
                    }
                } catch (MigrationStream.SaveException | IOException e) {
                    throw QemuErrors.internal("cannot restore the saved state: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw QemuErrors.internal("interrupted while restoring the saved state");
                } finally {
                    if (unpack != null) {
                        unpack.close();
                    }
                }
            }

            @Override
            public int pausedDetail() {
                return startPaused ? DomainEventType.SUSPENDED_PAUSED : SUSPENDED_RESTORED;
            }
        });
    }

    /** qemuDomainManagedSaveRemove. */
    void remove(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuDomainManagedSaveRemove");
        synchronized (dom) {
            Path image = imagePath(ctx, dom);
            delete(image, "Failed to remove managed save file '" + image + "'");
        }
    }

    /** Deletes {@code image}; a failure is libvirt's system error {@code message: strerror}. */
    private static void delete(Path image, String message) throws VirtException {
        try {
            Files.delete(image);
        } catch (IOException e) {
            throw QemuErrors.system(message + ": " + reason(e));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** strerror's words for the usual failures, as libvirt's system errors end. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }
}
