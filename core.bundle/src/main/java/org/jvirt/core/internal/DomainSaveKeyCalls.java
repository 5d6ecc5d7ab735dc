package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import java.util.Optional;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.ManagedSaveDriver;

/**
 * The entry points of a {@link DomainFacade} for managed save and key presses, with the checks
 * libvirt's {@code libvirt-domain.c} makes before it calls the driver ({@code virDomainManagedSave},
 * {@code virDomainHasManagedSaveImage}, {@code virDomainManagedSaveRemove}, {@code virDomainSendKey}).
 */
final class DomainSaveKeyCalls {
    /** virDomainSaveRestoreFlags: VIR_DOMAIN_SAVE_RUNNING, VIR_DOMAIN_SAVE_PAUSED. */
    private static final int SAVE_RUNNING = 2;
    private static final int SAVE_PAUSED = 4;

    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainSaveKeyCalls(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    /** libvirt: a read-only connection may not save; RUNNING and PAUSED exclude each other. */
    void managedSave(int flags) throws VirtException {
        String fn = "virDomainManagedSave";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.exclusive(flags, SAVE_RUNNING, "VIR_DOMAIN_SAVE_RUNNING", SAVE_PAUSED, "VIR_DOMAIN_SAVE_PAUSED");
        // a save that may have happened before a driver swap is not repeated
        calls.write(fn, b -> driver(b, fn).managedSave(calls.ref(b), flags), UNKNOWN);
    }

    /** A driver without managed save has no images: false, once the domain is found. */
    boolean hasManagedSaveImage(int flags) throws VirtException {
        return calls.read("virDomainHasManagedSaveImage", b -> {
            DomainRef ref = calls.ref(b);
            Optional<ManagedSaveDriver> saves = b.connection().ownManagedSave();
            return saves.isPresent() && saves.get().hasManagedSaveImage(ref, flags);
        });
    }

    void managedSaveRemove(int flags) throws VirtException {
        String fn = "virDomainManagedSaveRemove";
        calls.write(fn, b -> driver(b, fn).managedSaveRemove(calls.ref(b), flags), UNKNOWN);
    }

    private static ManagedSaveDriver driver(Binding b, String fn) throws VirtException {
        return b.connection().ownManagedSave().orElseThrow(() -> DriverConnection.unsupported(fn));
    }

    /**
     * libvirt 9.0's order: a read-only connection may not type; at least one code; a known code
     * set; at most 16 codes. All before the driver (and so before the domain is looked up there).
     */
    void sendKey(int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        String fn = "virDomainSendKey";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(keycodes, "keycodes", fn, ErrorDomain.DOMAIN);
        if (keycodes.length == 0) {
            throw Checks.invalidArg("nkeycodes in " + fn + " must be greater than zero", ErrorDomain.DOMAIN);
        }
        if (KeycodeSet.of(codeset) == null) {
            // C's %d of the unsigned codeset: numbers past 2^31 print negative
            throw Checks.invalidArg("Unsupported codeset '" + codeset + "'", ErrorDomain.DOMAIN);
        }
        if (keycodes.length > Domain.SEND_KEY_MAX_KEYS) {
            throw Checks.invalidArg("nkeycodes must be <= " + Domain.SEND_KEY_MAX_KEYS, ErrorDomain.DOMAIN);
        }
        int[] codes = keycodes.clone();
        // keys pressed before a driver swap are not pressed again
        calls.write(fn, b -> b.connection().sendKey(calls.ref(b), codeset, holdtime, codes, flags), UNKNOWN);
    }
}
