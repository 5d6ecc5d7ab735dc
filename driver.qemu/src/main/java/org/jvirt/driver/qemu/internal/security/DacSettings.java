package org.jvirt.driver.qemu.internal.security;

/**
 * The DAC part of libvirt's {@code qemu.conf}.
 *
 * @param privileged       whether the driver may give guests to another user: the daemon runs
 *                         as root and serves {@code qemu:///system} (libvirt uses DAC only then)
 * @param user             the user QEMU runs as: a name or {@code +UID}
 * @param group            its group: a name or {@code +GID}
 * @param dynamicOwnership whether disk images, kernels and character devices are given to the
 *                         guest's user while it runs
 * @param rememberOwner    whether their owners are remembered and restored when it stops
 *                         (otherwise they go back to root, as libvirt does)
 */
public record DacSettings(boolean privileged, String user, String group, boolean dynamicOwnership,
                          boolean rememberOwner) {
}
