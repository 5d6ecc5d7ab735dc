package org.jvirt.core.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;

/**
 * The argument checks of libvirt's memory and vCPU resizing entry points
 * ({@code virDomainSetMemoryFlags}, {@code virDomainSetVcpusFlags},
 * {@code virDomainSetMemoryStatsPeriod}), with libvirt's messages.
 */
final class ResizeChecks {
    /**
     * libvirt's {@code virMemoryMaxValue(true) / 1024} on a 64-bit host: sizes in KiB from here
     * up would overflow a byte count held in a signed 64-bit integer.
     */
    static final long MAX_KIB = Long.MAX_VALUE / 1024;

    private ResizeChecks() {
    }

    /** A memory size in KiB, read as unsigned as libvirt's {@code unsigned long}: not zero, not too large. */
    static void memory(long kib, String function) throws VirtException {
        if (kib == 0) {
            throw Checks.invalidArg("memory in " + function + " must not be zero", ErrorDomain.DOMAIN);
        }
        if (Long.compareUnsigned(kib, MAX_KIB) >= 0) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.DOMAIN,
                    "input too large: " + Long.toUnsignedString(kib));
        }
    }

    /**
     * {@code virDomainSetVcpusFlags}: the maximum can only change in the definition, the guest
     * agent only counts the live guest, and zero vCPUs is no count.
     */
    static void setVcpus(int count, int flags, String function) throws VirtException {
        Checks.requires(flags, VcpuFlag.MAXIMUM.bit(), "VIR_DOMAIN_VCPU_MAXIMUM", ModificationFlag.CONFIG.bit(),
                "VIR_DOMAIN_AFFECT_CONFIG", ErrorDomain.DOMAIN);
        Checks.exclusive(flags, VcpuFlag.GUEST.bit(), "VIR_DOMAIN_VCPU_GUEST",
                ModificationFlag.CONFIG.bit(), "VIR_DOMAIN_AFFECT_CONFIG");
        if (count == 0) {
            throw Checks.invalidArg("nvcpus in " + function + " must not be zero", ErrorDomain.DOMAIN);
        }
    }

    /** {@code virDomainSetMemoryStatsPeriod}: a period in seconds, zero turning the collection off. */
    static void period(int period, String function) throws VirtException {
        Checks.nonNegative(period, "period", function, ErrorDomain.DOMAIN);
    }
}
