package org.jvirt.api;

/** libvirt's {@code virTypedParameterType}: the type of a {@link TypedParameter}'s value. */
public enum ParameterType {
    INT(1), UINT(2), LLONG(3), ULLONG(4), DOUBLE(5), BOOLEAN(6), STRING(7);

    private final int number;

    ParameterType(int number) {
        this.number = number;
    }

    /** The number libvirt and its wire protocol use. */
    public int number() {
        return number;
    }

    /** The type numbered {@code number}, or null when libvirt has none. */
    public static ParameterType ofNumber(int number) {
        for (ParameterType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }
}
