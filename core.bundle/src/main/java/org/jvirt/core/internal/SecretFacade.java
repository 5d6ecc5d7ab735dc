package org.jvirt.core.internal;

import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretRef;

/**
 * The {@link Secret} the core hands out: libvirt's {@code libvirt-secret.c} checks (open
 * connection, read-only access, arguments), then the call to the connection's secret driver.
 */
final class SecretFacade implements Secret {
    private final ConnectionFacade conn;
    private final SecretRef ref;

    SecretFacade(ConnectionFacade conn, SecretRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public UUID uuid() {
        return ref.uuid();
    }

    @Override
    public SecretUsageType usageType() {
        return ref.usageType();
    }

    @Override
    public String usageId() {
        return ref.usageId();
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        String fn = "virSecretGetXMLDesc";
        conn.checkOpen(fn, ErrorDomain.SECRET);
        return conn.secretCall(fn, s -> s.xmlDesc(ref, flags));
    }

    @Override
    public byte[] value(int flags) throws VirtException {
        String fn = "virSecretGetValue";
        conn.checkWritable(fn, ErrorDomain.SECRET);
        return conn.secretCall(fn, s -> s.value(ref, flags, false));
    }

    @Override
    public void setValue(byte[] value, int flags) throws VirtException {
        String fn = "virSecretSetValue";
        conn.checkWritable(fn, ErrorDomain.SECRET);
        Checks.notNull(value, "value", fn, ErrorDomain.SECRET);
        byte[] copy = value.clone();
        conn.secretCall(fn, s -> {
            s.setValue(ref, copy, flags);
            return null;
        });
    }

    @Override
    public void undefine() throws VirtException {
        String fn = "virSecretUndefine";
        conn.checkWritable(fn, ErrorDomain.SECRET);
        conn.secretCall(fn, s -> {
            s.undefine(ref);
            return null;
        });
    }

    @Override
    public String toString() {
        return "Secret[" + ref.uuid() + "]";
    }
}
