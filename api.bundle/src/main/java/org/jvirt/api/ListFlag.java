package org.jvirt.api;

/** libvirt's {@code virConnectListAllDomainsFlags}; no flags means all domains. */
public enum ListFlag implements Flag {
    ACTIVE(1), INACTIVE(2), PERSISTENT(4), TRANSIENT(8), RUNNING(16), PAUSED(32), SHUTOFF(64),
    OTHER(128), MANAGEDSAVE(256), NO_MANAGEDSAVE(512), AUTOSTART(1024), NO_AUTOSTART(2048),
    HAS_SNAPSHOT(4096), NO_SNAPSHOT(8192), HAS_CHECKPOINT(16384), NO_CHECKPOINT(32768);

    private final int bit;

    ListFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
