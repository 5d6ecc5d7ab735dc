package org.jvirt.api;

/** libvirt's {@code virDomainVcpuFlags} beyond {@link ModificationFlag}. */
public enum VcpuFlag implements Flag {
    /** The maximum vCPU count instead of the current one. */
    MAXIMUM(4),
    /** Counts as the guest OS sees them (through a guest agent). */
    GUEST(8),
    /** Added vCPUs can be unplugged again. */
    HOTPLUGGABLE(16);

    private final int bit;

    VcpuFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
