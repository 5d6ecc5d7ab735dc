package org.jvirt.driver.qemu.spi;

import java.util.List;
import java.util.Objects;

/**
 * The input of a {@link VcpuThreadResolver}: one guest's emulator process and its vCPU reports.
 *
 * @param domainName  the guest's name, for messages
 * @param emulatorPid the PID of the QEMU process
 * @param vcpus       one report per vCPU slot (online or not), ordered by libvirt vCPU id
 */
public record VcpuThreadQuery(String domainName, long emulatorPid, List<VcpuReport> vcpus) {
    public VcpuThreadQuery {
        Objects.requireNonNull(domainName, "domainName");
        vcpus = List.copyOf(vcpus);
    }
}
