package org.jvirt.api.xml;

/**
 * A memory size ({@code <memory>}, {@code <currentMemory>}, {@code <maxMemory>}), normalised to
 * KiB as libvirt does (other units are converted, rounding up, when parsing).
 *
 * @param kib      the size in KiB
 * @param slots    {@code <maxMemory slots=>}, 0 when absent
 * @param dumpCore {@code <memory dumpCore=>} ({@code on}/{@code off}), or null
 */
public record Memory(long kib, int slots, String dumpCore) {

    public Memory(long kib) {
        this(kib, 0, null);
    }
}
