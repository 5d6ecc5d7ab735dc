package org.jvirt.driver.qemu.internal.vcpu;

import java.util.BitSet;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Thread CPU affinity through the C library's {@code sched_getaffinity}/{@code sched_setaffinity}
 * (JNA). The masks are 1024 bits, glibc's {@code cpu_set_t}.
 */
public final class Affinity {
    private static final int MASK_BYTES = 128;

    private interface LibC extends Library {
        int sched_getaffinity(int pid, NativeLong size, byte[] mask) throws LastErrorException;

        int sched_setaffinity(int pid, NativeLong size, byte[] mask) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private Affinity() {
    }

    /** The CPUs thread {@code tid} may run on. */
    public static BitSet get(long tid) throws LastErrorException {
        byte[] mask = new byte[MASK_BYTES];
        Holder.LIBC.sched_getaffinity((int) tid, new NativeLong(MASK_BYTES), mask);
        return BitSet.valueOf(mask);
    }

    /** Restricts thread {@code tid} to {@code cpus}. */
    public static void set(long tid, BitSet cpus) throws LastErrorException {
        byte[] mask = new byte[MASK_BYTES];
        byte[] bits = cpus.toByteArray();
        System.arraycopy(bits, 0, mask, 0, Math.min(bits.length, MASK_BYTES));
        Holder.LIBC.sched_setaffinity((int) tid, new NativeLong(MASK_BYTES), mask);
    }

    /** The host's online CPUs, as {@code Cpus_allowed} of this JVM would be without pinning. */
    public static int hostCpus() {
        return Runtime.getRuntime().availableProcessors();
    }
}
