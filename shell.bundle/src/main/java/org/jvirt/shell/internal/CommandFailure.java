package org.jvirt.shell.internal;

import org.jvirt.api.VirtException;

/**
 * A command that failed the way virsh reports it: virsh's own line ({@code Failed to start domain
 * 'x'}), then libvirt's error when there is one. Either may be absent.
 */
public final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient VirtException libvirtError;

    public CommandFailure(String virshMessage, VirtException libvirtError) {
        super(virshMessage, libvirtError);
        this.libvirtError = libvirtError;
    }

    /** virsh's line, or null when virsh only reports libvirt's error. */
    public String virshMessage() {
        return getMessage();
    }

    /** libvirt's error, or null when virsh reset it (as for a domain that is not found). */
    public VirtException libvirtError() {
        return libvirtError;
    }

    /** The error lines virsh prints to stderr for this failure. */
    public String errorText() {
        StringBuilder sb = new StringBuilder();
        if (getMessage() != null) {
            sb.append("error: ").append(getMessage()).append('\n');
        }
        if (libvirtError != null) {
            sb.append("error: ").append(libvirtError.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
