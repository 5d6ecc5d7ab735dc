package org.jvirt.shell.internal;

/** A command line virsh would refuse before running the command; the message is virsh's. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
