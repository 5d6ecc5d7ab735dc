package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretEvent;
import org.jvirt.api.SecretEventType;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireSecret;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's secret procedures ({@code REMOTE_PROC_*SECRET*}) and secret events. Reading and changing
 * a value, defining and undefining need a read-write connection, refused in libvirt's secret error
 * domain; the value of a private secret is refused by the secret driver ("secret is private").
 */
final class SecretProcedures {

    void registerInto(ProcedureTable t) {
        ErrorDomain sd = ErrorDomain.SECRET;
        t.add(RemoteProc.CONNECT_NUM_OF_SECRETS, "virConnectNumOfSecrets", READ, sd,
                (c, a, r) -> r.writeInt(c.connection().numOfSecrets()));
        t.add(RemoteProc.CONNECT_LIST_SECRETS, "virConnectListSecrets", READ, sd, (c, a, r) -> {
            int max = a.readInt();
            // remoteDispatchConnectListSecrets' checks, from the daemon (RPC), before the API's
            if (max > RemoteProc.SECRET_LIST_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxuuids > REMOTE_SECRET_LIST_MAX");
            }
            if (max < 0) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxuuids must be non-negative");
            }
            List<Secret> all = c.connection().listAllSecrets(0);
            int n = Math.min(max, all.size());
            r.writeInt(n);
            for (int i = 0; i < n; i++) {
                r.writeString(all.get(i).uuid().toString());
            }
        });
        t.add(RemoteProc.CONNECT_LIST_ALL_SECRETS, "virConnectListAllSecrets", READ, sd, (c, a, r) -> {
            boolean needResults = a.readInt() != 0;
            int flags = a.readInt();
            List<Secret> all = c.connection().listAllSecrets(flags);
            if (all.size() > RemoteProc.SECRET_LIST_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.REMOTE,
                        "too many secrets '" + all.size() + "' for limit '" + RemoteProc.SECRET_LIST_MAX + "'");
            }
            r.writeInt(needResults ? all.size() : 0);
            for (int i = 0; needResults && i < all.size(); i++) {
                write(r, all.get(i));
            }
            r.writeInt(all.size());
        });
        t.add(RemoteProc.SECRET_LOOKUP_BY_UUID, "virSecretLookupByUUID", READ, sd,
                (c, a, r) -> write(r, c.connection().lookupSecretByUuid(a.readUuid())));
        t.add(RemoteProc.SECRET_LOOKUP_BY_USAGE, "virSecretLookupByUsage", READ, sd, (c, a, r) -> {
            int type = a.readInt();
            String usageId = a.readString();
            SecretUsageType known = SecretUsageType.ofNumber(type);
            if (known == null) { // libvirt's driver finds no secret of a type it does not know
                throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET,
                        "no secret with matching usage '" + usageId + "'");
            }
            write(r, c.connection().lookupSecretByUsage(known, usageId));
        });
        t.add(RemoteProc.SECRET_DEFINE_XML, "virSecretDefineXML", WRITE, sd, (c, a, r) -> {
            String xml = a.readString();
            int flags = a.readInt();
            write(r, c.connection().defineSecret(xml, flags));
        });
        t.add(RemoteProc.SECRET_GET_XML_DESC, "virSecretGetXMLDesc", READ, sd, (c, a, r) -> {
            Secret s = secret(c, a);
            r.writeString(s.xmlDesc(a.readInt()));
        });
        t.add(RemoteProc.SECRET_SET_VALUE, "virSecretSetValue", WRITE, sd, (c, a, r) -> {
            UUID uuid = WireSecret.read(a).uuid();
            byte[] value = a.readOpaque(RemoteProc.SECRET_VALUE_MAX);
            int flags = a.readInt();
            if (value.length == 0) {
                // glibc's XDR decodes an empty opaque as NULL, which virSecretSetValue refuses before
                // the driver looks the secret up
                throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.SECRET.number(),
                        "value in virSecretSetValue must not be NULL");
            }
            Secret s = c.connection().lookupSecretByUuid(uuid);
            s.setValue(value, flags);
        });
        t.add(RemoteProc.SECRET_GET_VALUE, "virSecretGetValue", WRITE, sd, (c, a, r) -> {
            Secret s = secret(c, a);
            r.writeOpaque(s.value(a.readInt()));
        });
        t.add(RemoteProc.SECRET_UNDEFINE, "virSecretUndefine", WRITE, sd, (c, a, r) -> secret(c, a).undefine());
        registerEvents(t);
    }

    private static void registerEvents(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_SECRET_EVENT_REGISTER_ANY, "virConnectSecretEventRegisterAny", READ,
                ErrorDomain.SECRET, (c, a, r) -> {
                    int eventId = a.readInt();
                    WireSecret filter = WireSecret.readOptional(a);
                    if (eventId != SecretEventType.ID_LIFECYCLE && eventId != SecretEventType.ID_VALUE_CHANGED) {
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "unsupported secret event ID " + eventId);
                    }
                    UUID only = filter == null ? null : filter.uuid();
                    int callbackId = c.addSecretEventListener(id -> (secret, ev) -> {
                        if (ev.type().eventId() == eventId && (only == null || only.equals(ev.uuid()))) {
                            send(c, id, ev);
                        }
                    });
                    r.writeInt(callbackId);
                });
        t.add(RemoteProc.CONNECT_SECRET_EVENT_DEREGISTER_ANY, "virConnectSecretEventDeregisterAny", READ,
                ErrorDomain.SECRET, (c, a, r) -> {
                    int callbackId = a.readInt();
                    if (!c.removeSecretEventListener(callbackId)) {
                        // libvirtd's wording, 9.0, says "node device event callback" here (a copy slip)
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "secret event callback " + callbackId + " not registered");
                    }
                });
    }

    /** remote_secret_event_lifecycle_msg or remote_secret_event_value_changed_msg. */
    private static void send(ClientContext c, int callbackId, SecretEvent ev) {
        XdrWriter w = new XdrWriter(96);
        w.writeInt(callbackId);
        new WireSecret(ev.uuid(), ev.usageType().number(), ev.usageId()).write(w);
        if (ev.type() == SecretEventType.VALUE_CHANGED) {
            c.sendEvent(RemoteProc.SECRET_EVENT_VALUE_CHANGED, w.toByteArray());
        } else {
            w.writeInt(ev.type().number()).writeInt(0);
            c.sendEvent(RemoteProc.SECRET_EVENT_LIFECYCLE, w.toByteArray());
        }
    }

    /** libvirtd's {@code get_nonnull_secret}, then the driver's lookup by UUID (its "no secret" error). */
    private static Secret secret(ClientContext c, XdrReader a) throws XdrException, VirtException {
        return c.connection().lookupSecretByUuid(WireSecret.read(a).uuid());
    }

    private static void write(XdrWriter r, Secret s) {
        new WireSecret(s.uuid(), s.usageType().number(), s.usageId()).write(r);
    }
}
