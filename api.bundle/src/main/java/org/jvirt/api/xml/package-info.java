/**
 * libvirt's domain XML as Java records, with one parse/format entry point,
 * {@link org.jvirt.api.xml.DomainXmlCodec}, registered as a service by the core.
 */
@Export
@Version("1.0.0")
package org.jvirt.api.xml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
