package org.jvirt.api;

/**
 * libvirt's {@code virNodeInfo}.
 *
 * @param model     the CPU model ({@code i686}, {@code x86_64})
 * @param memoryKiB memory size in KiB
 * @param cpus      number of active CPUs
 * @param mhz       expected CPU frequency
 * @param nodes     number of NUMA nodes
 * @param sockets   CPU sockets per node
 * @param cores     cores per socket
 * @param threads   threads per core
 */
public record NodeInfo(String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets,
                       int cores, int threads) {
}
