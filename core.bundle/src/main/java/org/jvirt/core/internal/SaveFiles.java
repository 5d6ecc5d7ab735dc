package org.jvirt.core.internal;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SaveRestoreFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.api.spi.DriverConnection;

/** What the save and restore entry points share: the driver's {@link DomainSaveDriver}, absolute paths, flag checks. */
final class SaveFiles {
    private SaveFiles() {
    }

    /** The driver's save calls, or NO_SUPPORT naming {@code fn} when it has none. */
    static DomainSaveDriver driver(Binding b, String fn) throws VirtException {
        return b.connection().ownSaves().orElseThrow(() -> DriverConnection.unsupported(fn));
    }

    /**
     * libvirt's virFileAbsPath: "the save is done out of process", so a relative path is made absolute
     * against this process's working directory, without normalizing it.
     */
    static String absolute(String path) {
        return path.startsWith("/") ? path : System.getProperty("user.dir") + "/" + path;
    }

    /** VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_SAVE_RUNNING, VIR_DOMAIN_SAVE_PAUSED). */
    static void runningOrPaused(int flags) throws VirtException {
        Checks.exclusive(flags, SaveRestoreFlag.RUNNING.bit(), "VIR_DOMAIN_SAVE_RUNNING",
                SaveRestoreFlag.PAUSED.bit(), "VIR_DOMAIN_SAVE_PAUSED");
    }

    static void notNull(Object value, String arg, String fn) throws VirtException {
        Checks.notNull(value, arg, fn, ErrorDomain.DOMAIN);
    }
}
