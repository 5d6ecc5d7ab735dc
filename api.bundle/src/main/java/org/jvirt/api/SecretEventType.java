package org.jvirt.api;

/**
 * What happened to a secret: libvirt's {@code virSecretEventLifecycleType} ({@code DEFINED},
 * {@code UNDEFINED}, reported for {@code VIR_SECRET_EVENT_ID_LIFECYCLE}) and the value change
 * ({@code VIR_SECRET_EVENT_ID_VALUE_CHANGED}, an event of its own in libvirt).
 */
public enum SecretEventType {
    DEFINED(0, 0), UNDEFINED(0, 1), VALUE_CHANGED(1, -1);

    /** libvirt's {@code VIR_SECRET_EVENT_ID_LIFECYCLE}. */
    public static final int ID_LIFECYCLE = 0;
    /** libvirt's {@code VIR_SECRET_EVENT_ID_VALUE_CHANGED}. */
    public static final int ID_VALUE_CHANGED = 1;

    private final int eventId;
    private final int number;

    SecretEventType(int eventId, int number) {
        this.eventId = eventId;
        this.number = number;
    }

    /** libvirt's event ID this event is delivered under ({@link #ID_LIFECYCLE} or {@link #ID_VALUE_CHANGED}). */
    public int eventId() {
        return eventId;
    }

    /** libvirt's {@code virSecretEventLifecycleType} number; -1 for {@link #VALUE_CHANGED}. */
    public int number() {
        return number;
    }
}
