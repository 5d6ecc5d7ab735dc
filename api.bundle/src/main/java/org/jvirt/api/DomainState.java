package org.jvirt.api;

/** libvirt's {@code virDomainState}; the numbers are the wire protocol's. */
public enum DomainState {
    NOSTATE(0, "no state"),
    RUNNING(1, "running"),
    BLOCKED(2, "idle"),
    PAUSED(3, "paused"),
    SHUTDOWN(4, "in shutdown"),
    SHUTOFF(5, "shut off"),
    CRASHED(6, "crashed"),
    PMSUSPENDED(7, "pmsuspended");

    private final int number;
    private final String label;

    DomainState(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    /** The text virsh prints for this state ({@code running}, {@code shut off}, ...). */
    public String label() {
        return label;
    }

    public static DomainState ofNumber(int number) {
        for (DomainState s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        return NOSTATE;
    }
}
