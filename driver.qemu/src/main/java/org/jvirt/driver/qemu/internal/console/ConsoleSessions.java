package org.jvirt.driver.qemu.internal.console;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;

/**
 * At most one console session per character device of the host (libvirt's virChrdevs): a second
 * open is refused unless forced, and a forced open aborts the session that held the device.
 * Thread-safe; one per driver host, so sessions of every connection count.
 */
public final class ConsoleSessions {
    private final Map<Path, PtyStream> open = new HashMap<>();   // guarded by this

    /**
     * Opens a console stream on {@code pty}.
     *
     * @param force take the device over from the session that holds it
     * @throws VirtException OPERATION_FAILED "Active console session exists for this domain" when
     *         the device is held and {@code force} is false; SYSTEM_ERROR when the pty cannot be opened
     */
    public Stream open(Path pty, boolean force) throws VirtException {
        PtyStream previous;
        PtyStream stream;
        synchronized (this) {
            previous = open.get(pty);
            if (previous != null && !force) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "Active console session exists for this domain");
            }
            PtyStream[] self = new PtyStream[1];
            stream = PtyStream.open(pty, () -> released(pty, self[0]));
            self[0] = stream;
            open.put(pty, stream);
        }
        if (previous != null) {
            // outside the lock: its end calls released(), which finds the new session in place
            previous.abort("the console was taken over by another session");
        }
        return stream;
    }

    private synchronized void released(Path pty, PtyStream stream) {
        open.remove(pty, stream);
    }

    /** Sessions open now (tests, logs). */
    public synchronized int size() {
        return open.size();
    }
}
