package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.osgi.annotation.versioning.ProviderType;

/**
 * libvirt's network XML (its {@code network_conf.c}) as a service of the network bundle, for a
 * hypervisor driver that keeps networks of its own in memory, as libvirt's test driver does with the
 * same conf code as the bridge driver. Thread-safe.
 */
@ProviderType
public interface NetworkConf {

    /**
     * Parses network XML with libvirt's messages: {@link org.jvirt.api.ErrorCode#XML_ERROR} or
     * {@link org.jvirt.api.ErrorCode#XML_DETAIL}, in the error domains libvirt's parser uses.
     */
    NetworkDefinition parse(String xml) throws VirtException;

    /** Parses a {@code <network>} element already read (a test driver's host file). */
    NetworkDefinition parse(XmlElement network) throws VirtException;
}
