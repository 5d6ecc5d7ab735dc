package org.jvirt.api.spi;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connection's view of a secret driver: libvirt's {@code virSecretDriver} table. The core checks
 * arguments and read-only access before it calls in. Errors are libvirt's, in its error domain
 * {@link org.jvirt.api.ErrorDomain#SECRET}: {@link org.jvirt.api.ErrorCode#NO_SECRET} for a secret
 * that is not there, {@link org.jvirt.api.ErrorCode#INVALID_ARG} for flags the driver does not
 * know. Must be thread-safe.
 */
@ConsumerType
public interface SecretDriverConnection {

    /** Secrets matching a mask of {@link org.jvirt.api.SecretListFlag}; 0 means all. */
    List<SecretRef> listAllSecrets(int flags) throws VirtException;

    SecretRef lookupByUuid(UUID uuid) throws VirtException;

    SecretRef lookupByUsage(SecretUsageType usageType, String usageId) throws VirtException;

    SecretRef defineXml(String xml, int flags) throws VirtException;

    String xmlDesc(SecretRef secret, int flags) throws VirtException;

    void setValue(SecretRef secret, byte[] value, int flags) throws VirtException;

    /**
     * The secret's value. A caller outside the daemon (the public API, the wire) passes
     * {@code internal=false} and gets libvirt's "secret is private" for a private secret; a
     * hypervisor driver that hands the value to its guest passes true (libvirt's
     * {@code VIR_SECRET_GET_VALUE_INTERNAL_CALL}).
     */
    byte[] value(SecretRef secret, int flags, boolean internal) throws VirtException;

    void undefine(SecretRef secret) throws VirtException;

    /** Sets where this connection delivers secret events; null stops delivery. */
    default void setEventSink(SecretEventSink sink) {
    }

    /** Releases what the connection holds. Never throws; idempotent. */
    default void close() {
    }
}
