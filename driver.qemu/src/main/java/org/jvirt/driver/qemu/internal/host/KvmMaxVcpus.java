package org.jvirt.driver.qemu.internal.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * libvirt's virHostCPUGetKVMMaxVCPUs: asks {@code /dev/kvm} for {@code KVM_CAP_MAX_VCPUS}, then
 * {@code KVM_CAP_NR_VCPUS}, and falls back to 4 (the kernel documentation's recommendation) when
 * neither is known.
 */
public final class KvmMaxVcpus {
    private static final int O_WRONLY = 1;
    private static final int O_CLOEXEC = 0x80000;
    private static final long KVM_CHECK_EXTENSION = 0xAE03;
    private static final long KVM_CAP_NR_VCPUS = 9;
    private static final long KVM_CAP_MAX_VCPUS = 66;
    private static final int KVM_DEFAULT_MAX_VCPUS = 4;

    private interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, NativeLong request, NativeLong arg) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private KvmMaxVcpus() {
    }

    /** The C library's text for an errno, as libvirt's virReportSystemError appends it. */
    public static String strerror(int errno) {
        return Holder.LIBC.strerror(errno);
    }

    /**
     * @param device {@code /dev/kvm}
     * @throws LastErrorException when the device cannot be opened (errno in the exception)
     */
    public static int query(String device) throws LastErrorException {
        int fd = Holder.LIBC.open(device, O_WRONLY | O_CLOEXEC);
        try {
            for (long cap : new long[] {KVM_CAP_MAX_VCPUS, KVM_CAP_NR_VCPUS}) {
                int n;
                try {
                    n = Holder.LIBC.ioctl(fd, new NativeLong(KVM_CHECK_EXTENSION), new NativeLong(cap));
                } catch (LastErrorException e) {
                    n = -1; // as libvirt: a device that does not answer gets the default
                }
                if (n > 0) {
                    return n;
                }
            }
            return KVM_DEFAULT_MAX_VCPUS;
        } finally {
            Holder.LIBC.close(fd);
        }
    }
}
