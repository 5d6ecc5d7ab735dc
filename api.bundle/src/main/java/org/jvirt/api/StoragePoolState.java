package org.jvirt.api;

/** libvirt's {@code virStoragePoolState}, by its number. */
public enum StoragePoolState {
    INACTIVE, BUILDING, RUNNING, DEGRADED, INACCESSIBLE;

    /** libvirt's number of this state. */
    public int number() {
        return ordinal();
    }

    /** The state with libvirt's number {@code n}; INACTIVE for numbers jvirt does not know. */
    public static StoragePoolState ofNumber(int n) {
        return n >= 0 && n < values().length ? values()[n] : INACTIVE;
    }
}
