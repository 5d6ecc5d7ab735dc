package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The save and restore calls of a driver connection ({@code virHypervisorDriver}'s
 * {@code domainSave*}, {@code domainRestore*} and {@code domainSaveImage*} entries), for a driver that
 * saves guests to files ({@link DriverConnection#ownSaves()}). Paths are absolute (the core made
 * them so). The core has checked the connection, read-only access, null arguments and that
 * {@code VIR_DOMAIN_SAVE_RUNNING} and {@code _PAUSED} are not both set; the driver checks its flags,
 * the file and {@code dxml}. Must be thread-safe.
 *
 * @since 2.0
 */
@ConsumerType
public interface DomainSaveDriver {

    /** {@code virDomainSave}; by default {@link #saveFlags} without XML and flags, as libvirt's drivers do. */
    default void save(DomainRef dom, String to) throws VirtException {
        saveFlags(dom, to, null, 0);
    }

    /** {@code dxml}: the definition to store instead of the domain's, null for none. */
    void saveFlags(DomainRef dom, String to, String dxml, int flags) throws VirtException;

    /** {@code virDomainRestore}; by default {@link #restoreFlags} without XML and flags. */
    default void restore(String from) throws VirtException {
        restoreFlags(from, null, 0);
    }

    void restoreFlags(String from, String dxml, int flags) throws VirtException;

    String saveImageXmlDesc(String file, int flags) throws VirtException;

    void saveImageDefineXml(String file, String dxml, int flags) throws VirtException;
}
