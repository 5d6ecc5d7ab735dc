package org.jvirt.shell.internal;

/** The Gogo command scope of every jvirt command: {@code virt:list}, {@code virt:dominfo}, ... */
final class Scope {
    /** The service property that puts a command object's functions in scope {@code virt}. */
    static final String PROPERTY = "osgi.command.scope=virt";

    private Scope() {
    }
}
