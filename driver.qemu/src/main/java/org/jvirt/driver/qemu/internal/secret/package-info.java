/**
 * Secrets handed to QEMU guests as libvirt does it: a per-guest master key file
 * ({@link org.jvirt.driver.qemu.internal.secret.MasterKey}), each secret value (LUKS passphrases,
 * iSCSI and Ceph passwords) looked up in the host's secret driver
 * ({@link org.jvirt.driver.qemu.internal.secret.SharedSecretLookup}) and passed AES-256-CBC
 * encrypted under that key ({@link org.jvirt.driver.qemu.internal.secret.GuestSecrets}) in a
 * {@code -object secret,keyid=masterKey0}.
 */
package org.jvirt.driver.qemu.internal.secret;
