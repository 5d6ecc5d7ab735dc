package org.jvirt.driver.qemu.internal.security;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Giving one file to a guest and back (libvirt's virSecurityDACSetOwnership and
 * virSecurityDACRestoreFileLabelInternal): stat, remember the owner, chown. Symbolic links are
 * followed, as chown(2) does. A file system that refuses chown (read-only, not supported, not
 * permitted) is logged and left as it is, as libvirt does.
 */
final class FileOwnership {
    private static final Logger LOG = LoggerFactory.getLogger(FileOwnership.class);
    private static final DacLabel ROOT = new DacLabel(0, 0);

    private final RememberedOwners owners;
    private final boolean rememberOwner;
    private final UnixIds ids;

    FileOwnership(RememberedOwners owners, boolean rememberOwner, UnixIds ids) {
        this.owners = owners;
        this.rememberOwner = rememberOwner;
        this.ids = ids;
    }

    /** Gives {@code path} to {@code label} for {@code guest}, remembering its owner when asked. */
    void set(Path path, DacLabel label, boolean remember, UUID guest) throws VirtException {
        DacLabel current = owner(path);
        if (remember && rememberOwner) {
            int users = owners.remember(path.toString(), current, guest);
            if (users > 1 && !current.equals(label)) {
                owners.recall(path.toString(), guest);
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.SECURITY,
                        "Setting different DAC user or group on " + path + " which is already in use");
            }
        }
        LOG.info("Setting DAC user and group on '{}' to '{}'", path, label);
        chown(path, label);
    }

    /**
     * Gives {@code path} back once {@code guest} is done with it: to the remembered owner when no
     * other guest uses it, or to root when owners are not remembered. Never throws: a stop
     * releases what it can.
     */
    void restore(Path path, boolean recall, UUID guest) {
        try {
            DacLabel to = ROOT;
            if (recall && rememberOwner) {
                Optional<String> owner = owners.recall(path.toString(), guest);
                if (owner.isEmpty()) {
                    return;
                }
                to = DacLabel.parse(owner.get(), ids);
            }
            if (!Files.exists(path)) {
                return;
            }
            LOG.info("Restoring DAC user and group on '{}' to {}", path, to);
            chown(path, to);
        } catch (VirtException e) {
            LOG.warn("cannot restore the owner of {}: {}", path, e.getMessage());
        }
    }

    static DacLabel owner(Path path) throws VirtException {
        try {
            return new DacLabel(((Number) Files.getAttribute(path, "unix:uid")).longValue(),
                    ((Number) Files.getAttribute(path, "unix:gid")).longValue());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.SECURITY,
                    "unable to stat: " + path + ": " + reason(e));
        }
    }

    private static void chown(Path path, DacLabel label) throws VirtException {
        try {
            DacLabel current = owner(path);
            if (current.equals(label)) {
                return;
            }
            if (current.uid() != label.uid()) {
                Files.setAttribute(path, "unix:uid", (int) label.uid());
            }
            if (current.gid() != label.gid()) {
                Files.setAttribute(path, "unix:gid", (int) label.gid());
            }
        } catch (FileSystemException e) {
            String why = reason(e);
            if (why.contains("Read-only") || why.contains("not supported") || why.contains("not permitted")) {
                LOG.info("Setting user and group to '{}' on '{}' not possible: {}", label, path, why);
                return;
            }
            throw failed(path, label, why);
        } catch (IOException e) {
            throw failed(path, label, reason(e));
        }
    }

    private static VirtException failed(Path path, DacLabel label, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.SECURITY,
                "unable to set user and group to '" + label.uid() + ":" + label.gid() + "' on '" + path + "': " + why);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
    }
}
