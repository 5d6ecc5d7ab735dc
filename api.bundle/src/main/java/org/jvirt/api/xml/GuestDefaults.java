package org.jvirt.api.xml;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a driver's capabilities contribute to parsing (libvirt's virDomainDefParseCaps): the
 * guest architecture used when {@code <os><type arch=>} is absent.
 */
@ConsumerType
@FunctionalInterface
public interface GuestDefaults {

    /** No capabilities: the architecture stays unset. */
    GuestDefaults NONE = (virtType, osType) -> null;

    /**
     * @param virtType the domain type ({@code kvm}, {@code qemu}, {@code test}, ...)
     * @param osType   the OS type ({@code hvm}, {@code xen}, {@code exe}, ...)
     * @return the default architecture for such a guest on this host, or null
     */
    String defaultArch(String virtType, String osType);
}
