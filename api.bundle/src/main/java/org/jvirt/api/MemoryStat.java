package org.jvirt.api;

/**
 * One memory statistic of a running domain: libvirt's {@code virDomainMemoryStatStruct}.
 *
 * @param tag   what it counts
 * @param value its value (KiB for sizes, as libvirt)
 */
public record MemoryStat(MemoryStatTag tag, long value) {
}
