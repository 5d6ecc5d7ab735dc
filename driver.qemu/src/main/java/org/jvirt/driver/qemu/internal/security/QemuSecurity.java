package org.jvirt.driver.qemu.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security driver of one QEMU host: libvirt's DAC driver for {@code qemu:///system} when the
 * daemon runs as root, none otherwise (libvirt's session daemon runs QEMU as itself and labels
 * nothing). The start path calls {@link #generate}, {@link #launcher}, {@link #setAll} in that
 * order; every stop, failed start included, calls {@link #restoreAll} with the live definition.
 *
 * <p>jvirt's only security driver is DAC, so the host's model (virNodeGetSecurityModel, the first
 * {@code <secmodel>} of the capabilities) is {@code dac}; libvirt puts its no-op model
 * {@code none} first on hosts without SELinux or AppArmor.
 */
public final class QemuSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(QemuSecurity.class);

    private final DacSettings settings;
    private final UnixIds ids = new UnixIds();
    private final FileOwnership files;
    private final Launcher launcher = new Launcher(ids);

    public QemuSecurity(DacSettings settings, StateStore store, String storeDriver) {
        this.settings = settings;
        this.files = new FileOwnership(new RememberedOwners(store, storeDriver), settings.rememberOwner(), ids);
    }

    public boolean isDac() {
        return settings.privileged();
    }

    /** virNodeGetSecurityModel: {@code dac}/{@code 0}, or {@code none}/{@code 0} without DAC. */
    public SecurityModel model() {
        return new SecurityModel(isDac() ? "dac" : "none", "0");
    }

    /** The configured {@code user:group} as ids (libvirt resolves them when it reads qemu.conf). */
    public DacLabel configured() throws VirtException {
        return new DacLabel(ids.uid(settings.user()), ids.gid(settings.group()));
    }

    /** The {@code <secmodel>} of the capabilities, with the base label of kvm and qemu guests. */
    public String secmodelXml() {
        if (!isDac()) {
            return "    <secmodel>\n      <model>none</model>\n      <doi>0</doi>\n    </secmodel>\n";
        }
        StringBuilder x = new StringBuilder("    <secmodel>\n      <model>dac</model>\n      <doi>0</doi>\n");
        try {
            String base = configured().toString();
            x.append("      <baselabel type='kvm'>").append(base).append("</baselabel>\n");
            x.append("      <baselabel type='qemu'>").append(base).append("</baselabel>\n");
        } catch (VirtException e) {
            LOG.warn("capabilities without DAC base labels: {}", e.getMessage());
        }
        return x.append("    </secmodel>\n").toString();
    }

    /** The live definition with its generated DAC seclabel (virSecurityManagerGenLabel). */
    public DomainDef generate(DomainDef live) throws VirtException {
        if (!isDac()) {
            return live;
        }
        return DomainSeclabel.generate(DomainSeclabel.of(live), configured()).applyTo(live);
    }

    /** Who the guest's QEMU runs as (its tap devices are given to it), or null without DAC. */
    public DacLabel processOwner(DomainDef live) throws VirtException {
        return isDac() ? processIds(live) : null;
    }

    /** {@code argv} run with the live definition's process label. */
    public List<String> launcher(DomainDef live, List<String> argv) throws VirtException {
        if (!isDac()) {
            return argv;
        }
        DacLabel process = processIds(live);
        // QEMU run as the daemon itself (qemu.conf user = "root") needs no change of ids
        return process.equals(FileOwnership.owner(Path.of("/proc/self"))) ? argv : launcher.wrap(argv, process);
    }

    /**
     * Gives the guest its files: the run files the driver made for it (the domain folder, the
     * pid file QEMU writes, the log) always, as libvirt's SetPathLabel; its images, kernel and
     * character devices when the seclabel relabels and {@code dynamic_ownership} is on. On failure
     * the caller's stop path calls {@link #restoreAll}, which gives back what was given.
     */
    public void setAll(DomainDef live, Path domainDir, Path pidFile, Path log) throws VirtException {
        if (!isDac()) {
            return;
        }
        DacLabel process = processIds(live);
        files.set(domainDir, process, false, live.uuid());
        try (var inDir = Files.list(domainDir)) {
            for (Path p : inDir.toList()) {
                files.set(p, process, false, live.uuid());
            }
        } catch (IOException e) {
            throw QemuErrors.system("cannot list " + domainDir + ": " + e.getMessage());
        }
        createIfMissing(pidFile);
        files.set(pidFile, process, false, live.uuid());
        createIfMissing(log);
        files.set(log, process, true, live.uuid());
        DomainSeclabel sec = DomainSeclabel.of(live);
        if (!settings.dynamicOwnership() || sec == null || !sec.relabel()) {
            return;
        }
        DacLabel image = DacLabel.parse(sec.imageLabel() != null ? sec.imageLabel() : sec.label(), ids);
        for (GuestFiles.Item item : GuestFiles.of(live)) {
            if (item.createFile()) {
                createIfMissing(item.path());
            }
            DacLabel to = item.label() != null ? DacLabel.parse(item.label(), ids) : item.image() ? image : process;
            files.set(item.path(), to, true, live.uuid());
        }
    }

    /**
     * Gives a folder the driver made for the guest to its process label (libvirt's
     * virSecurityDACDomainSetPathLabel); not remembered, since the folder goes with the guest.
     */
    public void setPath(DomainDef live, Path path) throws VirtException {
        if (isDac()) {
            files.set(path, processIds(live), false, live.uuid());
        }
    }

    /**
     * Labels a disk plugged into the running guest {@code live} as {@link #setAll} labels its disks
     * (libvirt's qemuSecuritySetImageLabel); {@link #restoreDisk} gives it back.
     */
    public void setDisk(DomainDef live, Disk disk) throws VirtException {
        DacLabel image = imageLabel(live);
        if (image == null) {
            return;
        }
        for (GuestFiles.Item item : GuestFiles.ofDisk(disk)) {
            files.set(item.path(), item.label() != null ? DacLabel.parse(item.label(), ids) : image, true, live.uuid());
        }
    }

    /** Gives back what {@link #setDisk} gave (libvirt's qemuSecurityRestoreImageLabel); never throws. */
    public void restoreDisk(DomainDef live, Disk disk) {
        try {
            if (imageLabel(live) == null) {
                return;
            }
        } catch (VirtException e) {
            return;
        }
        for (GuestFiles.Item item : GuestFiles.ofDisk(disk)) {
            files.restore(item.path(), true, live.uuid());
        }
    }

    /** The label images get, or null when the driver does not relabel them. */
    private DacLabel imageLabel(DomainDef live) throws VirtException {
        DomainSeclabel sec = DomainSeclabel.of(live);
        if (!isDac() || !settings.dynamicOwnership() || sec == null || !sec.relabel()) {
            return null;
        }
        return DacLabel.parse(sec.imageLabel() != null ? sec.imageLabel() : sec.label(), ids);
    }

    /** Gives back what {@link #setAll} gave (libvirt's RestoreAllLabel); never throws. */
    public void restoreAll(DomainDef live, Path log) {
        if (!isDac() || live == null) {
            return;
        }
        files.restore(log, true, live.uuid());
        DomainSeclabel sec;
        try {
            sec = DomainSeclabel.of(live);
        } catch (VirtException e) {
            return;
        }
        if (!settings.dynamicOwnership() || sec == null || !sec.relabel()) {
            return;
        }
        for (GuestFiles.Item item : GuestFiles.of(live)) {
            files.restore(item.path(), true, live.uuid());
        }
    }

    /**
     * virDomainGetSecurityLabel of a running guest (virSecurityDACGetProcessLabel): the
     * seclabel's label, empty for type none; without DAC, empty. libvirt's DAC driver leaves
     * {@code enforcing} unset, so it is false.
     */
    public SecurityLabel processLabel(DomainDef live, long pid) throws VirtException {
        if (!isDac()) {
            return new SecurityLabel("", false);
        }
        DomainSeclabel sec = DomainSeclabel.of(live);
        if (sec == null) {
            return new SecurityLabel(FileOwnership.owner(Path.of("/proc", Long.toString(pid))).toString(), false);
        }
        return new SecurityLabel(sec.label() == null ? "" : sec.label(), false);
    }

    /** The ids QEMU runs with: the seclabel's label, else the configured user and group (virSecurityDACGetIds). */
    private DacLabel processIds(DomainDef live) throws VirtException {
        DomainSeclabel sec = DomainSeclabel.of(live);
        return sec != null && sec.label() != null ? DacLabel.parse(sec.label(), ids) : configured();
    }

    private static void createIfMissing(Path p) throws VirtException {
        try {
            Files.createDirectories(p.getParent());
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        } catch (IOException e) {
            throw QemuErrors.system("Unable to pre-create file '" + p + "': " + e.getMessage());
        }
    }
}
