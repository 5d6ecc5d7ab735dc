package org.jvirt.api.xml;

import java.util.List;

/**
 * The {@code <cputune>} element. Numbers are null when absent.
 *
 * @param shares      {@code <shares>}
 * @param period      {@code <period>} in microseconds
 * @param quota       {@code <quota>} in microseconds (may be negative)
 * @param vcpuPins    {@code <vcpupin>} entries
 * @param emulatorPin {@code <emulatorpin cpuset=>}, or null
 * @param other       the rest of cputune (global/emulator/iothread periods and quotas,
 *                    iothreadpin, vcpusched, iothreadsched, cachetune, memorytune)
 */
public record CpuTune(Long shares, Long period, Long quota, List<VcpuPin> vcpuPins, String emulatorPin,
                      Preserved other) {
    public CpuTune {
        vcpuPins = List.copyOf(vcpuPins == null ? List.of() : vcpuPins);
        other = other == null ? Preserved.NONE : other;
    }
}
