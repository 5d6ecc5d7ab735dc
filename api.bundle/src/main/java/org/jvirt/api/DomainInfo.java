package org.jvirt.api;

/**
 * libvirt's {@code virDomainInfo}.
 *
 * @param state     the current state
 * @param maxMemKiB the maximum memory in KiB
 * @param memoryKiB the memory in use in KiB
 * @param nrVirtCpu the number of virtual CPUs
 * @param cpuTimeNs the CPU time used, in nanoseconds
 */
public record DomainInfo(DomainState state, long maxMemKiB, long memoryKiB, int nrVirtCpu, long cpuTimeNs) {
}
