/**
 * The QEMU driver's service provider interface: replaceable policies that other bundles may
 * register. {@link org.jvirt.driver.qemu.spi.VcpuThreadResolver} decides whether the vCPU thread
 * ids QEMU reports can be used for vCPU info and pinning; the driver binds the highest-ranked one.
 */
@Export
@Version("1.0.0")
package org.jvirt.driver.qemu.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
