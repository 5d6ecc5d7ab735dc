package org.jvirt.api.spi;

/** The two kinds of records a driver keeps in the {@link StateStore}. */
public enum RecordKind {
    /** Persistent definitions, e.g. a defined domain's XML. */
    CONFIG,
    /** Runtime status, e.g. a running guest's pid and state. */
    STATUS
}
