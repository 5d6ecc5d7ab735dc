package org.jvirt.core.internal;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretEvent;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretDriverConnection;

/** The secret driver of a connection ({@link SecondaryAccess}): {@link DriverConnection#ownSecrets()}, else the shared {@link SecretDriver}. */
final class SecretAccess extends SecondaryAccess<SecretDriver, SecretDriverConnection, SecretEvent, SecretEventListener> {
    private final Function<SecretEvent, Secret> secrets;

    SecretAccess(Supplier<SecretDriver> shared, int openFlags, EventFanout thread, Function<SecretEvent, Secret> secrets) {
        super(shared, openFlags, thread, ErrorDomain.SECRET);
        this.secrets = secrets;
    }

    @Override
    Optional<SecretDriverConnection> own(DriverConnection dc) {
        return dc.ownSecrets();
    }

    @Override
    boolean usesShared(DriverConnection dc) {
        return dc.usesSharedSecrets();
    }

    @Override
    SecretDriverConnection open(SecretDriver driver, int flags) throws VirtException {
        return driver.open(flags);
    }

    @Override
    void close(SecretDriverConnection connection) {
        connection.close();
    }

    @Override
    void setSink(SecretDriverConnection connection, Consumer<SecretEvent> eventSink) {
        connection.setEventSink(eventSink == null ? null : eventSink::accept);
    }

    @Override
    void notify(SecretEventListener listener, SecretEvent event) {
        listener.onSecretEvent(secrets.apply(event), event);
    }
}
