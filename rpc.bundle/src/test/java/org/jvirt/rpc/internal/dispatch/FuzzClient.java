package org.jvirt.rpc.internal.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrException;

/**
 * A client as the dispatcher sees it, without sockets or threads: the real connection of a real
 * core, opened by the client's CONNECT_OPEN, with the server session's rules (one connection, "not
 * open" before it). Events are counted, not sent. Used by one thread at a time.
 */
final class FuzzClient implements ClientContext {
    private final ConnectionFactory core;
    private final Map<Integer, Integer> listenerIds = new HashMap<>();
    private final Map<Integer, Integer> eventIds = new HashMap<>();
    private final Map<Integer, Integer> secretListenerIds = new HashMap<>();
    private final Map<Integer, Integer> storageListenerIds = new HashMap<>();
    private final Map<Integer, Integer> networkListenerIds = new HashMap<>();
    private Connection connection;
    private int nextCallbackId;
    final AtomicInteger events = new AtomicInteger();

    FuzzClient(ConnectionFactory core) {
        this.core = core;
    }

    @Override
    public Connection connection() throws VirtException {
        if (connection == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection not open");
        }
        return connection;
    }

    @Override
    public <T> T withConnection(String function, boolean repeatable, Attempt<T> attempt)
            throws VirtException, XdrException {
        return attempt.run();
    }

    @Override
    public void attachStream(Stream s) {
        s.abort();   // no transport to carry it: a stream a call opened ends at once
    }

    @Override
    public ClientAuth auth() {
        return new Authenticated();
    }

    @Override
    public void open(String uri, int flags) throws VirtException {
        if (connection != null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection already open");
        }
        connection = core.open(uri, flags);
    }

    @Override
    public void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
            listenerIds.clear();
            secretListenerIds.clear();
        }
    }

    @Override
    public boolean readOnlyListener() {
        return false;
    }

    @Override
    public boolean secure() {
        return true;
    }

    @Override
    public void startKeepalive() {
        // no transport to ping
    }

    @Override
    public int addLifecycleListener(int eventId, UUID filter, IntFunction<DomainEventListener> listenerFor)
            throws VirtException {
        int callbackId = ++nextCallbackId;
        listenerIds.put(callbackId, connection().addLifecycleListener(listenerFor.apply(callbackId)));
        eventIds.put(callbackId, eventId);
        return callbackId;
    }

    @Override
    public int domainEventCallback(int eventId) {
        return eventIds.entrySet().stream().filter(e -> e.getValue() == eventId && listenerIds.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getKey).min().orElse(-1);
    }

    @Override
    public boolean removeLifecycleListener(int callbackId) throws VirtException {
        Integer id = listenerIds.remove(callbackId);
        if (id == null) {
            return false;
        }
        connection().removeLifecycleListener(id);
        return true;
    }

    @Override
    public int addSecretEventListener(IntFunction<SecretEventListener> listenerFor) throws VirtException {
        int callbackId = ++nextCallbackId;
        secretListenerIds.put(callbackId, connection().addSecretEventListener(listenerFor.apply(callbackId)));
        return callbackId;
    }

    @Override
    public boolean removeSecretEventListener(int callbackId) throws VirtException {
        Integer id = secretListenerIds.remove(callbackId);
        if (id == null) {
            return false;
        }
        connection().removeSecretEventListener(id);
        return true;
    }

    @Override
    public int addStoragePoolEventListener(IntFunction<StoragePoolEventListener> listenerFor) throws VirtException {
        int callbackId = ++nextCallbackId;
        storageListenerIds.put(callbackId, connection().addStoragePoolEventListener(listenerFor.apply(callbackId)));
        return callbackId;
    }

    @Override
    public boolean removeStoragePoolEventListener(int callbackId) throws VirtException {
        Integer id = storageListenerIds.remove(callbackId);
        if (id == null) {
            return false;
        }
        connection().removeStoragePoolEventListener(id);
        return true;
    }

    @Override
    public int addNetworkEventListener(IntFunction<NetworkEventListener> listenerFor) throws VirtException {
        int callbackId = ++nextCallbackId;
        networkListenerIds.put(callbackId, connection().addNetworkEventListener(listenerFor.apply(callbackId)));
        return callbackId;
    }

    @Override
    public boolean removeNetworkEventListener(int callbackId) throws VirtException {
        Integer id = networkListenerIds.remove(callbackId);
        if (id == null) {
            return false;
        }
        connection().removeNetworkEventListener(id);
        return true;
    }

    @Override
    public void sendEvent(int proc, byte[] payload) {
        events.incrementAndGet();
    }
}
