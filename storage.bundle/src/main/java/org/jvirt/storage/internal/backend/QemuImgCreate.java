package org.jvirt.storage.internal.backend;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a volume with qemu-img as libvirt's {@code storageBackendCreateQemuImg}: the passphrase files
 * of an encrypted target or input written first and removed afterwards whatever happens, one command or
 * the two of an encrypting conversion, and a failed creation removes the image it started.
 */
final class QemuImgCreate {
    private static final Logger LOG = LoggerFactory.getLogger(QemuImgCreate.class);
    /**
     * QEMU 7.2 times its LUKS key derivation by the thread's CPU time and gives up when a coarse
     * reading comes back as 0 ms; the same command succeeds when run again.
     */
    private static final String LUKS_TIMING_QUIRK = "Unable to get accurate CPU usage";
    private static final int LUKS_ATTEMPTS = 5;

    private final String qemuImg;
    private final VolumeSecrets secrets;

    QemuImgCreate(String qemuImg, VolumeSecrets secrets) {
        this.qemuImg = qemuImg;
        this.secrets = secrets;
    }

    void create(PoolDef pool, VolDef vol, VolDef input, boolean preallocate) throws VirtException {
        Path target = Path.of(vol.path());
        boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Path secret = null;
        Path inputSecret = null;
        try {
            // the commands are checked before any file is written
            for (QemuImgCommand.Step step : QemuImgCommand.steps(vol, input)) {
                QemuImgCommand.build(qemuImg, pool.targetPath(), vol, input, preallocate, "-", "-", step);
            }
            if (vol.encryption() != null) {
                secret = secrets.writeFile(pool.name(), vol.name(), vol.encryption());
            }
            if (input != null && input.encryption() != null) {
                inputSecret = secrets.writeFile(pool.name(), input.name(), input.encryption());
            }
            for (QemuImgCommand.Step step : QemuImgCommand.steps(vol, input)) {
                run(QemuImgCommand.build(qemuImg, pool.targetPath(), vol, input, preallocate,
                        secret == null ? null : secret.toString(), inputSecret == null ? null : inputSecret.toString(), step));
            }
        } catch (VirtException e) {
            if (!existed) {
                VolumeSecrets.delete(target);
            }
            throw e;
        } finally {
            VolumeSecrets.delete(secret);
            VolumeSecrets.delete(inputSecret);
        }
    }

    private static void run(List<String> argv) throws VirtException {
        for (int attempt = 1; ; attempt++) {
            try {
                HostCommand.run(argv);
                return;
            } catch (VirtException e) {
                if (attempt >= LUKS_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains(LUKS_TIMING_QUIRK)) {
                    throw e;
                }
                LOG.warn("qemu-img could not time its key derivation, running it again: {}", argv);
            }
        }
    }
}
