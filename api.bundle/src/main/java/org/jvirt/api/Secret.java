package org.jvirt.api;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A secret of a {@link Connection}: a passphrase or key that guests and storage use (LUKS,
 * Ceph/iSCSI authentication, TLS keys, vTPM state). libvirt's {@code virSecretPtr}.
 * <p>
 * A secret object names its secret by UUID; every call reads the current state from the secret
 * driver. Methods throw {@link VirtException}: {@link ErrorCode#NO_SECRET} once the secret is gone,
 * {@link ErrorCode#OPERATION_DENIED} for reading or changing through a read-only connection.
 */
@ProviderType
public interface Secret {

    Connection connection();

    UUID uuid();

    /** What the secret is used for, as it was when this object was made. */
    SecretUsageType usageType();

    /** The usage's identifier (a volume path, a Ceph or TLS name, an iSCSI target); "" for none. */
    String usageId();

    /** The secret's XML, as {@code virsh secret-dumpxml} prints it; {@code flags} must be 0. */
    String xmlDesc(int flags) throws VirtException;

    /**
     * The secret's value. {@code flags} must be 0.
     *
     * @throws VirtException {@link ErrorCode#INVALID_SECRET} "secret is private" for a secret
     *                       defined with {@code private='yes'} (its value is for the hypervisor only),
     *                       {@link ErrorCode#NO_SECRET} when it has no value
     */
    byte[] value(int flags) throws VirtException;

    /** Sets the secret's value (not null, at most 64 KiB over the wire); {@code flags} must be 0. */
    void setValue(byte[] value, int flags) throws VirtException;

    /** Deletes the secret and its value. */
    void undefine() throws VirtException;
}
