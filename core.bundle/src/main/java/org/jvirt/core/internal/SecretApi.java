package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretRef;

/**
 * The secret methods of a {@link ConnectionFacade}: libvirt-secret.c's checks (open connection,
 * read-only access, arguments), then the call to the connection's secret driver.
 */
final class SecretApi {
    private final ConnectionFacade conn;
    private final SecretAccess access;

    SecretApi(ConnectionFacade conn, SecretAccess access) {
        this.conn = conn;
        this.access = access;
    }

    List<Secret> listAll(int flags) throws VirtException {
        String fn = "virConnectListAllSecrets";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        return conn.secretCall(fn, s -> {
            List<Secret> out = new ArrayList<>();
            for (SecretRef ref : s.listAllSecrets(flags)) {
                out.add(new SecretFacade(conn, ref));
            }
            return out;
        });
    }

    int count() throws VirtException {
        String fn = "virConnectNumOfSecrets";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        return conn.secretCall(fn, s -> s.listAllSecrets(0).size());
    }

    Secret define(String xml, int flags) throws VirtException {
        String fn = "virSecretDefineXML";
        conn.checkWritable(fn, ErrorDomain.SECRET);
        Checks.notNull(xml, "xml", fn, ErrorDomain.SECRET);
        return new SecretFacade(conn, conn.secretCall(fn, s -> s.defineXml(xml, flags)));
    }

    Secret lookupByUuid(UUID uuid) throws VirtException {
        String fn = "virSecretLookupByUUID";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        Checks.notNull(uuid, "uuid", fn, ErrorDomain.SECRET);
        return new SecretFacade(conn, conn.secretCall(fn, s -> s.lookupByUuid(uuid)));
    }

    Secret lookupByUsage(SecretUsageType usageType, String usageId) throws VirtException {
        String fn = "virSecretLookupByUsage";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        Checks.notNull(usageType, "usageType", fn, ErrorDomain.SECRET);
        Checks.notNull(usageId, "usageID", fn, ErrorDomain.SECRET);
        return new SecretFacade(conn, conn.secretCall(fn, s -> s.lookupByUsage(usageType, usageId)));
    }

    int addListener(SecretEventListener listener) throws VirtException {
        String fn = "virConnectSecretEventRegisterAny";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        Checks.notNull(listener, "callback", fn, ErrorDomain.SECRET);
        int id = access.add(listener);
        try {
            conn.secretCall(fn, s -> null); // resolving the driver hands it the sink
        } catch (VirtException e) {
            access.remove(id);
            throw e;
        }
        return id;
    }

    void removeListener(int callbackId) throws VirtException {
        String fn = "virConnectSecretEventDeregisterAny";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        Checks.nonNegative(callbackId, "callbackID", fn, ErrorDomain.SECRET);
        if (!access.remove(callbackId)) {
            throw Checks.invalid("could not find event callback " + callbackId + " for deletion", ErrorDomain.SECRET);
        }
    }
}
