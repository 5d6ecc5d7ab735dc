package org.jvirt.api;

/**
 * What happened to a storage pool: libvirt's {@code virStoragePoolEventLifecycleType}, reported for
 * {@code VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE}, and the refresh ({@code VIR_STORAGE_POOL_EVENT_ID_REFRESH},
 * an event of its own in libvirt).
 */
public enum StoragePoolEventType {
    DEFINED(0, 0), UNDEFINED(0, 1), STARTED(0, 2), STOPPED(0, 3), CREATED(0, 4), DELETED(0, 5), REFRESHED(1, -1);

    /** libvirt's {@code VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE}. */
    public static final int ID_LIFECYCLE = 0;
    /** libvirt's {@code VIR_STORAGE_POOL_EVENT_ID_REFRESH}. */
    public static final int ID_REFRESH = 1;

    private final int eventId;
    private final int number;

    StoragePoolEventType(int eventId, int number) {
        this.eventId = eventId;
        this.number = number;
    }

    /** libvirt's event ID this event is delivered under. */
    public int eventId() {
        return eventId;
    }

    /** libvirt's {@code virStoragePoolEventLifecycleType} number; -1 for {@link #REFRESHED}. */
    public int number() {
        return number;
    }
}
