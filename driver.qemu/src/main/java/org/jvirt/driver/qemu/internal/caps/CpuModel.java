package org.jvirt.driver.qemu.internal.caps;

import java.util.List;

/**
 * A CPU model an emulator offers for an accelerator ({@code query-cpu-definitions}).
 *
 * @param name       the model name ({@code Haswell})
 * @param typeName   the QOM type name, or null
 * @param usable     {@code yes}, {@code no}, or null when unknown
 * @param blockers   the features that make it unusable on this host
 * @param deprecated whether QEMU marks it deprecated
 */
public record CpuModel(String name, String typeName, String usable, List<String> blockers, boolean deprecated) {
    public CpuModel {
        blockers = List.copyOf(blockers == null ? List.of() : blockers);
    }
}
