package org.jvirt.api.xml;

/** A {@code <vcpupin vcpu= cpuset=/>} entry of {@code <cputune>}. */
public record VcpuPin(int vcpu, String cpuset) {
}
