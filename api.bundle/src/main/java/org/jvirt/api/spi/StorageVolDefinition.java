package org.jvirt.api.spi;

import org.jvirt.api.StorageVolType;
import org.osgi.annotation.versioning.ProviderType;

/** One parsed storage volume definition from {@link StorageConf}: immutable, thread-safe. */
@ProviderType
public interface StorageVolDefinition {

    String name();

    /** The volume's key, or null before its driver gave it one. */
    String key();

    /** The target path, or null before its driver gave it one. */
    String path();

    StorageVolType type();

    /** Bytes. */
    long capacity();

    /** Bytes. */
    long allocation();

    /** This definition with its driver's path and key. */
    StorageVolDefinition withTarget(String path, String key);

    /** This definition with new sizes in bytes. */
    StorageVolDefinition withSizes(long capacity, long allocation);

    /** libvirt's volume XML, as a volume of a pool of type {@code pool} ({@link StoragePoolDefinition#type()}). */
    String format(StoragePoolDefinition pool);
}
