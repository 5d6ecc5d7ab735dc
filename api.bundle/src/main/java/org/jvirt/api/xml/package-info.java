/**
 * libvirt's domain XML as Java records, with one parse/format entry point,
 * {@link org.jvirt.api.xml.DomainXmlCodec}, registered as a service by the core (org.jvirt.core).
 *
 * <p>{@link org.jvirt.api.xml.DomainDef} is the root. Typed records cover what jvirt works with
 * (memory, vCPUs, cputune, os, cpu, clock, lifecycle actions and the common devices); whatever a
 * record does not name is kept as {@link org.jvirt.api.xml.Preserved} content, and devices jvirt
 * does not type are {@link org.jvirt.api.xml.GenericDevice}s, so a definition formats back without
 * loss, in libvirt's element order. Records are immutable; change a definition with its
 * {@code with...} methods. Driver capabilities that decide parse-time defaults come in as
 * {@link org.jvirt.api.xml.GuestDefaults}.
 */
@Export
@Version("1.0.0")
package org.jvirt.api.xml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
