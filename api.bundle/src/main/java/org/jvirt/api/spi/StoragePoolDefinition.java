package org.jvirt.api.spi;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** One parsed storage pool definition from {@link StorageConf}: immutable, thread-safe. */
@ProviderType
public interface StoragePoolDefinition {

    String name();

    UUID uuid();

    /** The pool type as libvirt's XML names it ({@code dir}, {@code fs}, {@code logical}, ...). */
    String type();

    /** The target path, or null for a pool type without one. */
    String targetPath();

    /** libvirt's pool XML with these sizes in bytes. */
    String format(long capacity, long allocation, long available);
}
