/**
 * The driver SPI: what a hypervisor driver bundle registers ({@link org.jvirt.api.spi.HypervisorDriver})
 * and what the core gives drivers ({@link org.jvirt.api.spi.StateStore}), and where every bundle keeps
 * its files on the host ({@link org.jvirt.api.spi.HostDirectories}), and libvirt's credentials file
 * ({@link org.jvirt.api.spi.AuthConfig}).
 */
@Export
@Version("2.3.0")
package org.jvirt.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
