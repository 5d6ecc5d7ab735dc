package org.jvirt.api;

/**
 * The host's security model: libvirt's {@code virSecurityModel}. Both are empty when the driver
 * has no security driver.
 *
 * @param model the model's name ({@code dac}, {@code selinux}, {@code none})
 * @param doi   its domain of interpretation ({@code 0} for dac)
 */
public record SecurityModel(String model, String doi) {
}
