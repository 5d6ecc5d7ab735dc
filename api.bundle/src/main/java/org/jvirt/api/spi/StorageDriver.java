package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's storage driver: the OSGi service of the bundle that keeps storage pools, shared by
 * every local hypervisor driver, as libvirt's storage driver is the shared secondary driver of its
 * hypervisor drivers. The core opens one {@link StorageDriverConnection} for each connection whose
 * driver uses it ({@link DriverConnection#usesSharedStorage()}); hypervisor drivers that resolve
 * {@code <disk type='volume'>} open one of their own.
 */
@ProviderType
public interface StorageDriver {

    /** A connection to the storage, for a caller connection opened with {@code flags} (a mask of {@link org.jvirt.api.OpenFlag}). */
    StorageDriverConnection open(int flags) throws VirtException;
}
