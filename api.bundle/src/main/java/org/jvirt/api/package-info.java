/**
 * The jvirt consumer API: connections opened by libvirt URI, domains, their lifecycle, vCPU
 * information, lifecycle events, snapshots, secrets, virtual networks and libvirt-compatible errors.
 */
@Export
@Version("1.13.0")
package org.jvirt.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
