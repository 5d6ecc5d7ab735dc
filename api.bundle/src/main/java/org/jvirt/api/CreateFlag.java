package org.jvirt.api;

/** libvirt's {@code virDomainCreateFlags} for starting or creating a domain. */
public enum CreateFlag implements Flag {
    START_PAUSED(1), START_AUTODESTROY(2), START_BYPASS_CACHE(4), START_FORCE_BOOT(8),
    START_VALIDATE(16), START_RESET_NVRAM(32);

    private final int bit;

    CreateFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
