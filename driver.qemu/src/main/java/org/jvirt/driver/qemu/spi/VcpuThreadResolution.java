package org.jvirt.driver.qemu.spi;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The decision of a {@link VcpuThreadResolver}: either usable thread ids, or unusable with a
 * reason. Build it with {@link #usable} or {@link #unusable}.
 *
 * @param usable            whether the ids may be used for vCPU info and pinning
 * @param threadIds         when usable: libvirt vCPU id to host thread id, for every online
 *                          vCPU that has an id; empty when unusable
 * @param offendingVcpu     when unusable: the vCPU whose id was rejected, or -1
 * @param offendingThreadId when unusable: the rejected thread id, or 0
 * @param reason            why; always set, names the offending vCPU and id when unusable
 */
public record VcpuThreadResolution(boolean usable, Map<Integer, Long> threadIds, int offendingVcpu,
                                   long offendingThreadId, String reason) {
    public VcpuThreadResolution {
        threadIds = usable ? Map.copyOf(threadIds) : Map.of();
        Objects.requireNonNull(reason, "reason");
    }

    /** Usable ids, keyed by libvirt vCPU id. */
    public static VcpuThreadResolution usable(Map<Integer, Long> threadIds, String reason) {
        return new VcpuThreadResolution(true, threadIds, -1, 0, reason);
    }

    /** Unusable ids, because of {@code offendingThreadId} of vCPU {@code offendingVcpu}. */
    public static VcpuThreadResolution unusable(int offendingVcpu, long offendingThreadId, String reason) {
        return new VcpuThreadResolution(false, Map.of(), offendingVcpu, offendingThreadId, reason);
    }

    /** The thread ids sorted by vCPU id (a copy). */
    public TreeMap<Integer, Long> sortedThreadIds() {
        return new TreeMap<>(threadIds);
    }
}
