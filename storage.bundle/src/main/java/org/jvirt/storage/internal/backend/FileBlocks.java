package org.jvirt.storage.internal.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A file's allocation ({@code st_blocks * 512}) read in the daemon through libc's {@code statx(2)},
 * as libvirt reads it with {@code fstat} while it refreshes a volume: no {@code stat} process per
 * volume (a process costs about a millisecond, as much as the rest of a volume creation in the
 * daemon). {@code statx} because its {@code struct statx} is the same on every architecture, unlike
 * {@code struct stat}. Without JNA or a libc that has {@code statx} (glibc before 2.28),
 * {@link #available} is false and {@link Allocation} runs {@code stat}.
 */
final class FileBlocks {
    /** {@code AT_FDCWD}: a relative path is relative to the working folder (the paths here are absolute). */
    private static final int AT_FDCWD = -100;
    /** {@code AT_SYMLINK_NOFOLLOW}: a link's own blocks, as the {@code stat} command reports them. */
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    /** {@code STATX_BLOCKS}. */
    private static final int STATX_BLOCKS = 0x400;
    /** {@code sizeof(struct statx)}. */
    private static final int STATX_SIZE = 256;
    /** {@code offsetof(struct statx, stx_mask)} and {@code stx_blocks}. */
    private static final int MASK_OFFSET = 0;
    private static final int BLOCKS_OFFSET = 48;
    /** {@code st_blocks} counts 512-byte units whatever the file system's block size. */
    private static final long BLOCK_UNIT = 512;
    /** {@code ENOENT}, {@code ENOTDIR}, {@code EACCES}: the file is gone or not ours to read. */
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int ENOTDIR = 20;

    private interface LibC extends Library {
        int statx(int dirfd, String path, int flags, int mask, byte[] buf) throws LastErrorException;
    }

    /** Loaded on first use; a missing JNA or symbol shows as a LinkageError there. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /** Whether statx could be called (JNA present, libc has it); found on first use. */
    private static volatile Boolean available;

    private FileBlocks() {
    }

    /** True when {@link #of} works here; false sends the caller to the {@code stat} command. */
    static boolean available() {
        Boolean a = available;
        if (a == null) {
            try {
                of(Path.of("/"));
                a = true;
            } catch (LinkageError | UnsupportedOperationException e) {
                a = false;
            }
            available = a;
        }
        return a;
    }

    /**
     * The bytes {@code file} takes on disk, or -1 when it cannot be read (gone, no permission).
     *
     * @throws UnsupportedOperationException when the kernel gives no block count (then the
     *                                       caller asks {@code stat})
     */
    static long of(Path file) {
        byte[] buf = new byte[STATX_SIZE];
        try {
            Holder.LIBC.statx(AT_FDCWD, file.toString(), AT_SYMLINK_NOFOLLOW, STATX_BLOCKS, buf);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == ENOENT || errno == ENOTDIR || errno == EACCES) {
                return -1;
            }
            throw new UnsupportedOperationException("statx " + file + ": errno " + errno, e);
        }
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        if ((b.getInt(MASK_OFFSET) & STATX_BLOCKS) == 0) {
            throw new UnsupportedOperationException("statx gave no block count for " + file);
        }
        return b.getLong(BLOCKS_OFFSET) * BLOCK_UNIT;
    }
}
