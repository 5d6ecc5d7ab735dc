package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The entry points of a {@link DomainFacade} that save a domain to a file, with the checks of libvirt
 * 9.0's {@code virDomainSave} and {@code virDomainSaveFlags}: read-only connection, the path, RUNNING
 * and PAUSED together; then the path is made absolute and the driver's save calls get it.
 */
final class DomainSaveCalls {
    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainSaveCalls(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    void save(String to) throws VirtException {
        String fn = "virDomainSave";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        SaveFiles.notNull(to, "to", fn);
        String path = SaveFiles.absolute(to);
        // a guest saved before a driver swap is not saved again (it is no longer running)
        calls.write(fn, b -> SaveFiles.driver(b, fn).save(calls.ref(b), path), UNKNOWN);
    }

    void saveFlags(String to, String dxml, int flags) throws VirtException {
        String fn = "virDomainSaveFlags";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        SaveFiles.notNull(to, "to", fn);
        SaveFiles.runningOrPaused(flags);
        String path = SaveFiles.absolute(to);
        calls.write(fn, b -> SaveFiles.driver(b, fn).saveFlags(calls.ref(b), path, dxml, flags), UNKNOWN);
    }
}
