package org.jvirt.api.xml;

/**
 * One {@code <vcpus><vcpu id= enabled= hotpluggable= order=/>} entry.
 *
 * @param id           the vCPU number
 * @param enabled      whether it is online
 * @param hotpluggable {@code yes}/{@code no}, or null when not given
 * @param order        the order of hot-plugging, 0 when absent
 */
public record VcpuEntry(int id, boolean enabled, String hotpluggable, int order) {
}
