package org.jvirt.api;

/** libvirt's {@code virStorageVolType}, by its number. */
public enum StorageVolType {
    FILE, BLOCK, DIR, NETWORK, NETDIR, PLOOP;

    /** libvirt's number of this type. */
    public int number() {
        return ordinal();
    }

    /** The type with libvirt's number {@code n}; FILE for numbers jvirt does not know. */
    public static StorageVolType ofNumber(int n) {
        return n >= 0 && n < values().length ? values()[n] : FILE;
    }
}
