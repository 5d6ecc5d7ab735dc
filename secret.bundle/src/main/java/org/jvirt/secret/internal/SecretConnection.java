package org.jvirt.secret.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretEventSink;
import org.jvirt.api.spi.SecretRef;

/** One caller connection's use of the host's secrets; it owns only its event registration. */
final class SecretConnection implements SecretDriverConnection {
    private final SecretService service;
    private SecretEventSink sink;

    SecretConnection(SecretService service) {
        this.service = service;
    }

    @Override
    public List<SecretRef> listAllSecrets(int flags) throws VirtException {
        return service.list(flags);
    }

    @Override
    public SecretRef lookupByUuid(UUID uuid) throws VirtException {
        return service.lookupByUuid(uuid);
    }

    @Override
    public SecretRef lookupByUsage(SecretUsageType usageType, String usageId) throws VirtException {
        return service.lookupByUsage(usageType, usageId);
    }

    @Override
    public SecretRef defineXml(String xml, int flags) throws VirtException {
        return service.define(xml, flags);
    }

    @Override
    public String xmlDesc(SecretRef secret, int flags) throws VirtException {
        return service.xmlDesc(secret, flags);
    }

    @Override
    public void setValue(SecretRef secret, byte[] value, int flags) throws VirtException {
        service.setValue(secret, value, flags);
    }

    @Override
    public byte[] value(SecretRef secret, int flags, boolean internal) throws VirtException {
        return service.value(secret, flags, internal);
    }

    @Override
    public void undefine(SecretRef secret) throws VirtException {
        service.undefine(secret);
    }

    @Override
    public synchronized void setEventSink(SecretEventSink newSink) {
        if (sink != null) {
            service.events().remove(sink);
        }
        sink = newSink;
        if (newSink != null) {
            service.events().add(newSink);
        }
    }

    @Override
    public void close() {
        setEventSink(null);
    }
}
