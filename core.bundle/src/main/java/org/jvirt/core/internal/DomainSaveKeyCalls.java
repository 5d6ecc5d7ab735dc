package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The entry points of a {@link DomainFacade} for managed save and key presses, with the checks
 * libvirt's {@code libvirt-domain.c} makes before it calls the driver ({@code virDomainManagedSave},
 * {@code virDomainHasManagedSaveImage}, {@code virDomainManagedSaveRemove}, {@code virDomainSendKey}).
 */
final class DomainSaveKeyCalls {
    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainSaveKeyCalls(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    void managedSave(int flags) throws VirtException {
        // a save that may have happened before a driver swap is not repeated
        calls.write("virDomainManagedSave", b -> b.connection().managedSave(calls.ref(b), flags), UNKNOWN);
    }

    boolean hasManagedSaveImage(int flags) throws VirtException {
        return calls.read("virDomainHasManagedSaveImage", b -> b.connection().hasManagedSaveImage(calls.ref(b), flags));
    }

    void managedSaveRemove(int flags) throws VirtException {
        calls.write("virDomainManagedSaveRemove", b -> b.connection().managedSaveRemove(calls.ref(b), flags),
                UNKNOWN);
    }

    /** libvirt: a read-only connection may not type; 1 to 16 codes. */
    void sendKey(int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        String fn = "virDomainSendKey";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(keycodes, "keycodes", fn, ErrorDomain.DOMAIN);
        if (keycodes.length == 0) {
            throw Checks.invalidArg("nkeycodes in " + fn + " must be greater than zero", ErrorDomain.DOMAIN);
        }
        if (keycodes.length > Domain.SEND_KEY_MAX_KEYS) {
            throw Checks.invalidArg("nkeycodes in " + fn + " must be <= " + Domain.SEND_KEY_MAX_KEYS,
                    ErrorDomain.DOMAIN);
        }
        int[] codes = keycodes.clone();
        // keys pressed before a driver swap are not pressed again
        calls.write(fn, b -> b.connection().sendKey(calls.ref(b), codeset, holdtime, codes, flags), UNKNOWN);
    }
}
