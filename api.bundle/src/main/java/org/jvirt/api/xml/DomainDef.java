package org.jvirt.api.xml;

import java.util.UUID;

/**
 * A domain definition: the root {@code <domain>} element of libvirt's domain XML.
 * (Skeleton: the full model is filled in by the domain XML work.)
 *
 * @param type the hypervisor type attribute ({@code kvm}, {@code qemu}, {@code test})
 * @param id   the {@code id} attribute of a running domain, -1 when absent
 * @param name the domain name
 * @param uuid the UUID, or null when the XML has none
 */
public record DomainDef(String type, int id, String name, UUID uuid) {
}
