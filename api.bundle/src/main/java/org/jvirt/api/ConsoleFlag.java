package org.jvirt.api;

/** libvirt's {@code virDomainConsoleFlags} for {@link Domain#openConsole}. */
public enum ConsoleFlag implements Flag {
    /** Takes the console over from a session that holds it (which is aborted). */
    FORCE(1),
    /** Only opens consoles whose driver can tell when another session takes them over. */
    SAFE(2);

    private final int bit;

    ConsoleFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
