package org.jvirt.api;

/**
 * The I/O counters of one disk of a running domain: libvirt's {@code virDomainBlockStatsStruct}.
 * A counter the driver cannot read is -1, as in libvirt (QEMU does not count errors).
 *
 * @param rdReq   read requests
 * @param rdBytes bytes read
 * @param wrReq   write requests
 * @param wrBytes bytes written
 * @param errs    errors, -1 when the hypervisor does not count them
 */
public record BlockStats(long rdReq, long rdBytes, long wrReq, long wrBytes, long errs) {
}
