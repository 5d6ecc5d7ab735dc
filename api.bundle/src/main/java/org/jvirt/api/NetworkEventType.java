package org.jvirt.api;

/** libvirt's {@code virNetworkEventLifecycleType} ({@code VIR_NETWORK_EVENT_ID_LIFECYCLE}). */
public enum NetworkEventType {
    DEFINED(0), UNDEFINED(1), STARTED(2), STOPPED(3);

    /** libvirt's {@code VIR_NETWORK_EVENT_ID_LIFECYCLE}. */
    public static final int ID_LIFECYCLE = 0;

    private final int number;

    NetworkEventType(int number) {
        this.number = number;
    }

    /** libvirt's {@code virNetworkEventLifecycleType} number. */
    public int number() {
        return number;
    }
}
