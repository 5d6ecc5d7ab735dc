package org.jvirt.api.xml;

import java.util.List;

/**
 * The {@code <features>} element: each feature as written ({@code <acpi/>}, {@code <apic eoi=/>},
 * {@code <hyperv mode=>...}, {@code <smm><tseg/></smm>} ...), formatted in libvirt's order.
 */
public record Features(List<XmlElement> entries) {
    public Features {
        entries = List.copyOf(entries == null ? List.of() : entries);
    }

    /** Whether feature {@code name} is present. */
    public boolean has(String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    /** Feature {@code name}, or null. */
    public XmlElement get(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
