package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.osgi.annotation.versioning.ProviderType;

/**
 * libvirt's storage pool and volume XML (its {@code storage_conf.c}) as a service of the storage
 * bundle, for a hypervisor driver that keeps pools of its own in memory, as libvirt's test driver
 * does with the same conf code as the storage driver. Thread-safe.
 */
@ProviderType
public interface StorageConf {

    /** Parses pool XML with libvirt's messages and error domains. */
    StoragePoolDefinition parsePool(String xml) throws VirtException;

    /** Parses volume XML for a volume of {@code pool}, with libvirt's messages and error domains. */
    StorageVolDefinition parseVolume(StoragePoolDefinition pool, String xml) throws VirtException;

    /** Parses a {@code <pool>} element already read (a test driver's host file). */
    StoragePoolDefinition parsePool(XmlElement pool) throws VirtException;

    /** Parses a {@code <volume>} element already read, for a volume of {@code pool}. */
    StorageVolDefinition parseVolume(StoragePoolDefinition pool, XmlElement volume) throws VirtException;
}
