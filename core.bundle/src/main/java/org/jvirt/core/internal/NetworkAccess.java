package org.jvirt.core.internal;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;

/** The network driver of a connection ({@link SecondaryAccess}): {@link DriverConnection#ownNetworks()}, else the shared {@link NetworkDriver}. */
final class NetworkAccess extends SecondaryAccess<NetworkDriver, NetworkDriverConnection, NetworkEvent, NetworkEventListener> {
    private final Function<NetworkEvent, Network> networks;

    NetworkAccess(Supplier<NetworkDriver> shared, int openFlags, EventFanout thread, Function<NetworkEvent, Network> networks) {
        super(shared, openFlags, thread, ErrorDomain.NETWORK);
        this.networks = networks;
    }

    @Override
    Optional<NetworkDriverConnection> own(DriverConnection dc) {
        return dc.ownNetworks();
    }

    @Override
    boolean usesShared(DriverConnection dc) {
        return dc.usesSharedNetworks();
    }

    @Override
    NetworkDriverConnection open(NetworkDriver driver, int flags) throws VirtException {
        return driver.open(flags);
    }

    @Override
    void close(NetworkDriverConnection connection) {
        connection.close();
    }

    @Override
    void setSink(NetworkDriverConnection connection, Consumer<NetworkEvent> eventSink) {
        connection.setEventSink(eventSink == null ? null : eventSink::accept);
    }

    @Override
    void notify(NetworkEventListener listener, NetworkEvent event) {
        listener.onNetworkEvent(networks.apply(event), event);
    }
}
