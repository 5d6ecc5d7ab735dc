package org.jvirt.api;

/** libvirt's {@code virDomainMemoryModFlags} beyond {@link ModificationFlag}. */
public enum MemoryFlag implements Flag {
    /** Changes the maximum memory instead of the current one. */
    MAXIMUM(4);

    private final int bit;

    MemoryFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
