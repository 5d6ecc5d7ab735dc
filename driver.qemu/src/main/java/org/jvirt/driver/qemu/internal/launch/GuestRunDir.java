package org.jvirt.driver.qemu.internal.launch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.command.CommandEnv;

/**
 * Where a running guest's files live in the host's run directory, named as libvirt names them:
 * the folder {@code domain-<id>-<name cut to 20 characters>} (virDomainDefGetShortName) holds the
 * QMP monitor {@code monitor.sock} and the master key; short names keep socket paths within
 * the 107 bytes a UNIX socket address holds, wherever the daemon's files live.
 */
public final class GuestRunDir {
    /** The settings that move the run directory, named in the error for a path too long. */
    static final String SETTINGS = "set a shorter run directory: state.dir of PID org.jvirt.driver.qemu, the "
            + "property " + HostDirectories.RUN_DIR_PROPERTY + " or jvirtd --run-dir";

    private final Path runDir;

    /** @param runDir the run directory of one QEMU host ({@code <run>/qemu/system}) */
    public GuestRunDir(Path runDir) {
        this.runDir = runDir;
    }

    /** The folder of guest {@code id} named {@code name}. */
    public Path domainDir(int id, String name) {
        return runDir.resolve("domain-" + CommandEnv.shortName(id, name));
    }

    /**
     * The folder of guest {@code id}'s automatic channel sockets (libvirt's channelTargetDir,
     * {@code channel/target/domain-...}; here {@code channel/domain-...} as the command line names it).
     */
    public Path channelDir(int id, String name) {
        return runDir.resolve("channel").resolve("domain-" + CommandEnv.shortName(id, name));
    }

    /**
     * The monitor socket of guest {@code id}; a path that does not fit in a UNIX socket address
     * fails as libvirt's qemuMonitorOpenUnix does ("Monitor path ... too big for destination"),
     * naming the setting that fixes it.
     */
    public Path monitor(int id, String name) throws VirtException {
        Path monitor = domainDir(id, name).resolve("monitor.sock");
        if (!HostDirectories.fitsUnixSocket(monitor)) {
            throw QemuErrors.internal("Monitor path " + monitor + " too big for destination ("
                    + monitor.toString().getBytes(StandardCharsets.UTF_8).length + " bytes, a UNIX socket path holds at most "
                    + HostDirectories.UNIX_PATH_MAX + "): " + SETTINGS);
        }
        return monitor;
    }
}
