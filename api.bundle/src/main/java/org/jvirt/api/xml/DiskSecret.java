package org.jvirt.api.xml;

/**
 * A {@code <secret>} of a disk's {@code <auth>} or {@code <encryption>}: which libvirt secret holds
 * the password or key, by UUID or by usage.
 *
 * @param type  {@code passphrase}, {@code iscsi}, {@code ceph}, ..., or null
 * @param uuid  the secret's UUID as written, or null
 * @param usage the secret's usage name, or null
 */
public record DiskSecret(String type, String uuid, String usage) {
}
