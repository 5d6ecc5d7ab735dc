package org.jvirt.api;

/**
 * The traffic counters of one network interface of a running domain, seen from the guest:
 * libvirt's {@code virDomainInterfaceStatsStruct}. A counter the driver cannot read is -1, as in
 * libvirt.
 *
 * @param rxBytes   bytes the guest received
 * @param rxPackets packets the guest received
 * @param rxErrs    receive errors
 * @param rxDrop    received packets dropped
 * @param txBytes   bytes the guest sent
 * @param txPackets packets the guest sent
 * @param txErrs    transmit errors
 * @param txDrop    packets to send dropped
 */
public record InterfaceStats(long rxBytes, long rxPackets, long rxErrs, long rxDrop,
        long txBytes, long txPackets, long txErrs, long txDrop) {
}
