package org.jvirt.driver.qemu.internal.security;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A DAC label: the owner a file gets and the ids a process runs with, written as libvirt writes
 * it, {@code +UID:+GID}.
 */
public record DacLabel(long uid, long gid) {

    /** libvirt's form {@code +107:+107}. */
    @Override
    public String toString() {
        return "+" + uid + ":+" + gid;
    }

    /**
     * Parses {@code user:group}, each a name or {@code +number} (libvirt's virParseOwnershipIds),
     * with names resolved by {@code ids}.
     */
    public static DacLabel parse(String label, UnixIds ids) throws VirtException {
        int sep = label == null ? -1 : label.indexOf(':');
        if (sep < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.SECURITY,
                    "Failed to parse uid and gid from '" + label + "'");
        }
        return new DacLabel(ids.uid(label.substring(0, sep)), ids.gid(label.substring(sep + 1)));
    }
}
