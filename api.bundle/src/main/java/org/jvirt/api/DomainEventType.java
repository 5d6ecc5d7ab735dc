package org.jvirt.api;

import java.util.List;

/**
 * libvirt's {@code virDomainEventType} with the labels virsh prints for the type and for each
 * detail number ({@code virDomainEventStoppedDetailType} and friends).
 */
public enum DomainEventType {
    DEFINED(0, "Defined", List.of("Added", "Updated", "Renamed", "Snapshot")),
    UNDEFINED(1, "Undefined", List.of("Removed", "Renamed")),
    STARTED(2, "Started", List.of("Booted", "Migrated", "Restored", "Snapshot", "Event wakeup")),
    SUSPENDED(3, "Suspended", List.of("Paused", "Migrated", "I/O Error", "Watchdog", "Restored",
            "Snapshot", "API error", "Post-copy", "Post-copy Error")),
    RESUMED(4, "Resumed", List.of("Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error")),
    STOPPED(5, "Stopped", List.of("Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
            "Snapshot")),
    SHUTDOWN(6, "Shutdown", List.of("Finished", "Finished after guest request",
            "Finished after host request")),
    PMSUSPENDED(7, "PMSuspended", List.of("Memory", "Disk")),
    CRASHED(8, "Crashed", List.of("Panicked", "Crashloaded"));

    /** Detail numbers used by jvirt's drivers, named as in libvirt. */
    public static final int DEFINED_ADDED = 0;
    public static final int DEFINED_UPDATED = 1;
    public static final int UNDEFINED_REMOVED = 0;
    public static final int STARTED_BOOTED = 0;
    public static final int SUSPENDED_PAUSED = 0;
    public static final int SUSPENDED_API_ERROR = 6;
    public static final int RESUMED_UNPAUSED = 0;
    public static final int STOPPED_SHUTDOWN = 0;
    public static final int STOPPED_DESTROYED = 1;
    public static final int STOPPED_CRASHED = 2;
    public static final int STOPPED_FAILED = 5;
    public static final int SHUTDOWN_FINISHED = 0;
    public static final int CRASHED_PANICKED = 0;

    private final int number;
    private final String label;
    private final List<String> details;

    DomainEventType(int number, String label, List<String> details) {
        this.number = number;
        this.label = label;
        this.details = details;
    }

    public int number() {
        return number;
    }

    /** virsh's word for the event type ({@code Stopped}). */
    public String label() {
        return label;
    }

    /** virsh's word for a detail of this type ({@code Destroyed}), or {@code unknown}. */
    public String detailLabel(int detail) {
        return detail >= 0 && detail < details.size() ? details.get(detail) : "unknown";
    }

    public static DomainEventType ofNumber(int number) {
        for (DomainEventType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        throw new IllegalArgumentException("no lifecycle event type " + number);
    }
}
