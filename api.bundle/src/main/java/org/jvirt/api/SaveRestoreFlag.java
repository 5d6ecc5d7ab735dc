package org.jvirt.api;

/**
 * libvirt's {@code virDomainSaveRestoreFlags} for {@link Domain#saveFlags}, {@link Connection#restoreFlags}
 * and {@link Connection#saveImageDefineXml}. RUNNING and PAUSED exclude each other.
 *
 * @since 1.11
 */
public enum SaveRestoreFlag implements Flag {
    /** Avoids the file system cache while the image is written or read. */
    BYPASS_CACHE(1),
    /** The restored guest runs, whatever the image says. */
    RUNNING(2),
    /** The restored guest is paused, whatever the image says. */
    PAUSED(4),
    /** Re-initializes the NVRAM from its template on restore. */
    RESET_NVRAM(8);

    private final int bit;

    SaveRestoreFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
