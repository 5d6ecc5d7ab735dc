package org.jvirt.api;

/**
 * A running domain's security label: libvirt's {@code virSecurityLabel}.
 *
 * @param label     the label ({@code +107:+107} for dac); empty when the domain has none
 * @param enforcing whether the label is enforced
 */
public record SecurityLabel(String label, boolean enforcing) {
}
