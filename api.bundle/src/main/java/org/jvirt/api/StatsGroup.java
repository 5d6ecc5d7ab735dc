package org.jvirt.api;

/** libvirt's {@code virDomainStatsTypes}: the groups of statistics a stats call may ask for. */
public enum StatsGroup implements Flag {
    STATE(1), CPU_TOTAL(2), BALLOON(4), VCPU(8), INTERFACE(16), BLOCK(32), PERF(64), IOTHREAD(128),
    MEMORY(256), DIRTYRATE(512), VM(1024);

    private final int bit;

    StatsGroup(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
