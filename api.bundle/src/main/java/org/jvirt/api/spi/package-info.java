/**
 * The driver SPI: what a hypervisor driver bundle registers ({@link org.jvirt.api.spi.HypervisorDriver})
 * and what the core gives drivers ({@link org.jvirt.api.spi.StateStore}).
 */
@Export
@Version("1.0.0")
package org.jvirt.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
