package org.jvirt.rpc.internal.server;

import java.util.UUID;
import java.util.function.IntFunction;

import org.jvirt.api.Connection;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.ClientAuth;
import org.jvirt.rpc.internal.dispatch.ClientContext;
import org.jvirt.rpc.internal.xdr.XdrException;

/**
 * The client as one call sees it: everything is the session's, except that a stream the call
 * opens is kept here, so the session can start it after the call's reply (only that call knows
 * its serial).
 */
final class CallContext implements ClientContext {
    private final ClientContext session;
    private Stream stream;   // the worker thread of the call only
    private boolean closeAfterReply;   // the worker thread of the call only
    private NamespaceDescriptors descriptors;   // the worker thread of the call only

    CallContext(ClientContext session) {
        this.session = session;
    }

    /** The stream the call attached, or null. */
    Stream stream() {
        return stream;
    }

    @Override
    public void attachStream(Stream s) {
        if (stream != null && stream != s) {
            stream.abort();   // an attempt repeated on a new core opened it again
        }
        stream = s;
    }

    /** The descriptors the call attached, or null. */
    NamespaceDescriptors descriptors() {
        return descriptors;
    }

    @Override
    public void attachDescriptors(NamespaceDescriptors d) {
        if (descriptors != null && descriptors != d) {
            descriptors.close();   // an attempt repeated on a new core opened them again
        }
        descriptors = d;
    }

    @Override
    public boolean passesDescriptors() {
        return session.passesDescriptors();
    }

    @Override
    public Connection connection() throws VirtException {
        return session.connection();
    }

    @Override
    public <T> T withConnection(String function, boolean repeatable, Attempt<T> attempt)
            throws VirtException, XdrException {
        return session.withConnection(function, repeatable, attempt);
    }

    @Override
    public ClientAuth auth() {
        return session.auth();
    }

    @Override
    public void open(String uri, int flags) throws VirtException {
        session.open(uri, flags);
    }

    /**
     * CONNECT_CLOSE: closes the connection now and the client's transport once the reply is
     * written, as libvirtd's remoteDispatchConnectClose (virNetServerClientDelayedClose).
     */
    @Override
    public void closeConnection() {
        session.closeConnection();
        closeAfterReply = true;
    }

    /** True when the call closed the connection, so the session closes once the reply is written. */
    boolean closeAfterReply() {
        return closeAfterReply;
    }

    @Override
    public boolean readOnlyListener() {
        return session.readOnlyListener();
    }

    @Override
    public boolean secure() {
        return session.secure();
    }

    @Override
    public void startKeepalive() {
        session.startKeepalive();
    }

    @Override
    public int addLifecycleListener(int eventId, UUID filter, IntFunction<DomainEventListener> listenerFor)
            throws VirtException {
        return session.addLifecycleListener(eventId, filter, listenerFor);
    }

    @Override
    public int domainEventCallback(int eventId) throws VirtException {
        return session.domainEventCallback(eventId);
    }

    @Override
    public boolean removeLifecycleListener(int callbackId) throws VirtException {
        return session.removeLifecycleListener(callbackId);
    }

    @Override
    public int addSecretEventListener(IntFunction<SecretEventListener> listenerFor) throws VirtException {
        return session.addSecretEventListener(listenerFor);
    }

    @Override
    public boolean removeSecretEventListener(int callbackId) throws VirtException {
        return session.removeSecretEventListener(callbackId);
    }

    @Override
    public int addStoragePoolEventListener(IntFunction<StoragePoolEventListener> listenerFor) throws VirtException {
        return session.addStoragePoolEventListener(listenerFor);
    }

    @Override
    public boolean removeStoragePoolEventListener(int callbackId) throws VirtException {
        return session.removeStoragePoolEventListener(callbackId);
    }

    @Override
    public int addNetworkEventListener(IntFunction<NetworkEventListener> listenerFor) throws VirtException {
        return session.addNetworkEventListener(listenerFor);
    }

    @Override
    public boolean removeNetworkEventListener(int callbackId) throws VirtException {
        return session.removeNetworkEventListener(callbackId);
    }

    @Override
    public void sendEvent(int proc, byte[] payload) {
        session.sendEvent(proc, payload);
    }
}
