package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretEvent;
import org.jvirt.api.SecretEventType;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretEventSink;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireSecret;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets of the daemon a remote connection talks to: libvirt's remote driver as the secret
 * driver of its connections ({@code remoteSecretDriver}), over the secret procedures and events.
 */
final class RemoteSecrets implements SecretDriverConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSecrets.class);

    private final RemoteCalls rpc;
    private volatile SecretEventSink sink;
    private int lifecycleCallback = -1;
    private int valueCallback = -1;

    RemoteSecrets(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public List<SecretRef> listAllSecrets(int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_LIST_ALL_SECRETS, new XdrWriter().writeInt(1).writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.SECRET_LIST_MAX, 24, "secrets");
            List<SecretRef> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ref(WireSecret.read(r)));
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public SecretRef lookupByUuid(UUID uuid) throws VirtException {
        return secret(RemoteProc.SECRET_LOOKUP_BY_UUID, new XdrWriter().writeUuid(uuid));
    }

    @Override
    public SecretRef lookupByUsage(SecretUsageType usageType, String usageId) throws VirtException {
        return secret(RemoteProc.SECRET_LOOKUP_BY_USAGE, new XdrWriter().writeInt(usageType.number()).writeString(usageId));
    }

    @Override
    public SecretRef defineXml(String xml, int flags) throws VirtException {
        return secret(RemoteProc.SECRET_DEFINE_XML, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public String xmlDesc(SecretRef secret, int flags) throws VirtException {
        return rpc.string(RemoteProc.SECRET_GET_XML_DESC, args(secret).writeInt(flags));
    }

    @Override
    public void setValue(SecretRef secret, byte[] value, int flags) throws VirtException {
        if (value.length > RemoteProc.SECRET_VALUE_MAX) {
            // what libvirt's client says before it sends anything
            throw new VirtException(ErrorCode.RPC.number(), ErrorDomain.REMOTE.number(), "value length greater than"
                    + " maximum: " + value.length + " > " + RemoteProc.SECRET_VALUE_MAX);
        }
        rpc.call(RemoteProc.SECRET_SET_VALUE, args(secret).writeOpaque(value).writeInt(flags));
    }

    @Override
    public byte[] value(SecretRef secret, int flags, boolean internal) throws VirtException {
        if (internal) { // libvirt's remoteSecretGetValue: the daemon does not hand private values out
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.REMOTE, "no internalFlags support");
        }
        XdrReader r = rpc.call(RemoteProc.SECRET_GET_VALUE, args(secret).writeInt(flags));
        return rpc.decode(() -> r.readOpaque(RemoteProc.SECRET_VALUE_MAX));
    }

    @Override
    public void undefine(SecretRef secret) throws VirtException {
        rpc.call(RemoteProc.SECRET_UNDEFINE, args(secret));
    }

    @Override
    public synchronized void setEventSink(SecretEventSink newSink) {
        sink = newSink;
        try {
            if (newSink != null && lifecycleCallback < 0) {
                lifecycleCallback = register(SecretEventType.ID_LIFECYCLE);
                valueCallback = register(SecretEventType.ID_VALUE_CHANGED);
            } else if (newSink == null && lifecycleCallback >= 0) {
                deregister(lifecycleCallback);
                deregister(valueCallback);
                lifecycleCallback = -1;
                valueCallback = -1;
            }
        } catch (VirtException e) {
            LOG.warn("cannot (un)register secret events with the server: {}", e.getMessage());
        }
    }

    /** Delivers a secret event message; false when {@code m} is not one. */
    boolean onMessage(Message m) {
        if (m.proc() != RemoteProc.SECRET_EVENT_LIFECYCLE && m.proc() != RemoteProc.SECRET_EVENT_VALUE_CHANGED) {
            return false;
        }
        SecretEventSink s = sink;
        if (s == null) {
            return true;
        }
        try {
            XdrReader r = m.payloadReader();
            r.readInt();
            SecretRef ref = ref(WireSecret.read(r));
            SecretEventType type = SecretEventType.VALUE_CHANGED;
            if (m.proc() == RemoteProc.SECRET_EVENT_LIFECYCLE) {
                type = r.readInt() == SecretEventType.UNDEFINED.number() ? SecretEventType.UNDEFINED : SecretEventType.DEFINED;
            }
            s.accept(new SecretEvent(ref.uuid(), ref.usageType(), ref.usageId(), type));
        } catch (XdrException e) {
            LOG.warn("dropping undecodable secret event: {}", e.getMessage());
        }
        return true;
    }

    private int register(int eventId) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_SECRET_EVENT_REGISTER_ANY, new XdrWriter().writeInt(eventId).writeInt(0));
        return rpc.decode(r::readInt);
    }

    private void deregister(int callbackId) throws VirtException {
        rpc.call(RemoteProc.CONNECT_SECRET_EVENT_DEREGISTER_ANY, new XdrWriter().writeInt(callbackId));
    }

    private SecretRef secret(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return ref(rpc.decode(() -> WireSecret.read(r)));
    }

    private static XdrWriter args(SecretRef s) {
        XdrWriter w = new XdrWriter();
        new WireSecret(s.uuid(), s.usageType().number(), s.usageId()).write(w);
        return w;
    }

    /** A usage type this jvirt does not know (a newer daemon's) is named as none. */
    private static SecretRef ref(WireSecret s) {
        SecretUsageType t = SecretUsageType.ofNumber(s.usageType());
        return new SecretRef(s.uuid(), t == null ? SecretUsageType.NONE : t, s.usageId());
    }
}
