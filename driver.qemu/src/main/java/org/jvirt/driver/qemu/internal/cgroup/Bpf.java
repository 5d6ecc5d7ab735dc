package org.jvirt.driver.qemu.internal.cgroup;

import java.lang.ref.Reference;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The {@code bpf(2)} commands libvirt's virbpf.c uses, called through {@code syscall(2)} (glibc has
 * no wrapper), each with a zeroed {@code union bpf_attr} whose fields sit at the offsets of
 * {@code linux/bpf.h}. A failing call throws {@link ErrnoException} with the kernel's errno, so
 * that callers can word libvirt's message for it. Descriptors are the caller's to {@link #close}.
 */
final class Bpf {
    /** bpf_cmd. */
    private static final int MAP_CREATE = 0;
    private static final int MAP_LOOKUP_ELEM = 1;
    private static final int MAP_UPDATE_ELEM = 2;
    private static final int MAP_DELETE_ELEM = 3;
    private static final int MAP_GET_NEXT_KEY = 4;
    private static final int PROG_LOAD = 5;
    private static final int PROG_ATTACH = 8;
    private static final int PROG_DETACH = 9;
    private static final int PROG_GET_FD_BY_ID = 13;
    private static final int MAP_GET_FD_BY_ID = 14;
    private static final int OBJ_GET_INFO_BY_FD = 15;
    private static final int PROG_QUERY = 16;

    static final int MAP_TYPE_HASH = 1;
    static final int PROG_TYPE_CGROUP_DEVICE = 15;
    static final int ATTACH_CGROUP_DEVICE = 6;
    static final int F_ALLOW_MULTI = 2;

    static final int ENOENT = 2;
    static final int EPERM = 1;
    private static final int ENOSYS = 38;

    /** Larger than any field we set; the kernel takes the rest of its union as zero. */
    private static final int ATTR_SIZE = 128;
    /** libvirt's verifier log size (virBPFLoadProg's LOG_BUF_SIZE). */
    private static final int LOG_SIZE = 256 * 1024;
    /** O_RDONLY | O_CLOEXEC (the same on x86_64 and aarch64, unlike O_DIRECTORY). */
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    /** A failed system call: its errno and the C library's text for it. */
    static final class ErrnoException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int errno;

        ErrnoException(int errno) {
            super(strerror(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    private interface LibC extends Library {
        long syscall(long number, int cmd, Pointer attr, int size) throws LastErrorException;

        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private Bpf() {
    }

    /** SYS_bpf of this architecture, 0 where we do not know it. */
    private static long sysBpf() {
        if (Platform.isLinux() && Platform.is64Bit() && Platform.isIntel()) {
            return 321;
        }
        if (Platform.isLinux() && Platform.isARM() && Platform.is64Bit()) {
            return 280;
        }
        return 0;
    }

    static String strerror(int errno) {
        try {
            return Holder.LIBC.strerror(errno);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "errno " + errno;
        }
    }

    /**
     * One bpf command; {@code buffers} are the memory {@code attr} points to, kept reachable until
     * the kernel has read them (the attr holds their addresses only).
     */
    private static int call(int cmd, Memory attr, Object... buffers) throws ErrnoException {
        long nr = sysBpf();
        if (nr == 0) {
            throw new ErrnoException(ENOSYS);
        }
        try {
            return (int) Holder.LIBC.syscall(nr, cmd, attr, ATTR_SIZE);
        } catch (LastErrorException e) {
            throw new ErrnoException(e.getErrorCode());
        } finally {
            Reference.reachabilityFence(buffers);
            Reference.reachabilityFence(attr);
        }
    }

    private static Memory attr() {
        Memory m = new Memory(ATTR_SIZE);
        m.clear();
        return m;
    }

    /** A directory's descriptor (a cgroup's, the target of attach and query). */
    static int openDirectory(String path) throws ErrnoException {
        try {
            return Holder.LIBC.open(path, O_RDONLY_CLOEXEC);
        } catch (LastErrorException e) {
            throw new ErrnoException(e.getErrorCode());
        }
    }

    static void close(int fd) {
        if (fd < 0) {
            return;
        }
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            // nothing to give back
        }
    }

    static int mapCreate(int type, int keySize, int valueSize, int maxEntries) throws ErrnoException {
        Memory a = attr();
        a.setInt(0, type);
        a.setInt(4, keySize);
        a.setInt(8, valueSize);
        a.setInt(12, maxEntries);
        return call(MAP_CREATE, a);
    }

    /** The u32 value of u64 {@code key}, or null when the map has no such key. */
    static Integer lookup(int mapFd, long key) throws ErrnoException {
        Memory k = new Memory(8);
        k.setLong(0, key);
        Memory v = new Memory(4);
        v.clear();
        try {
            call(MAP_LOOKUP_ELEM, elemAttr(mapFd, k, v), k, v);
        } catch (ErrnoException e) {
            if (e.errno() == ENOENT) {
                return null;
            }
            throw e;
        }
        return v.getInt(0);
    }

    static void update(int mapFd, long key, int value) throws ErrnoException {
        Memory k = new Memory(8);
        k.setLong(0, key);
        Memory v = new Memory(4);
        v.setInt(0, value);
        call(MAP_UPDATE_ELEM, elemAttr(mapFd, k, v), k, v);   // flags BPF_ANY: add or replace
    }

    static void delete(int mapFd, long key) throws ErrnoException {
        Memory k = new Memory(8);
        k.setLong(0, key);
        call(MAP_DELETE_ELEM, elemAttr(mapFd, k, null), k);
    }

    /** The key after {@code key} (null: the first), or null at the end of the map. */
    static Long nextKey(int mapFd, Long key) throws ErrnoException {
        Memory k = new Memory(8);
        k.setLong(0, key == null ? 0 : key);
        Memory next = new Memory(8);
        try {
            call(MAP_GET_NEXT_KEY, elemAttr(mapFd, key == null ? null : k, next), k, next);
        } catch (ErrnoException e) {
            if (e.errno() == ENOENT) {
                return null;
            }
            throw e;
        }
        return next.getLong(0);
    }

    /** map_fd, key, value (or next_key) of the element commands. */
    private static Memory elemAttr(int mapFd, Pointer key, Pointer value) {
        Memory a = attr();
        a.setInt(0, mapFd);
        a.setLong(8, key == null ? 0 : Pointer.nativeValue(key));
        a.setLong(16, value == null ? 0 : Pointer.nativeValue(value));
        return a;
    }

    /**
     * Loads a program with libvirt's "GPL" license; the verifier's log goes into {@code log[0]}
     * when the kernel refuses it.
     */
    static int progLoad(int type, byte[] insns, String[] log) throws ErrnoException {
        Memory code = new Memory(insns.length);
        code.write(0, insns, 0, insns.length);
        Memory license = new Memory(4);
        license.setString(0, "GPL", "US-ASCII");
        Memory logBuf = new Memory(LOG_SIZE);
        logBuf.clear();
        Memory a = attr();
        a.setInt(0, type);
        a.setInt(4, insns.length / BpfAssembler.INSN_SIZE);
        a.setLong(8, Pointer.nativeValue(code));
        a.setLong(16, Pointer.nativeValue(license));
        a.setInt(24, 1);                // log_level
        a.setInt(28, LOG_SIZE);
        a.setLong(32, Pointer.nativeValue(logBuf));
        try {
            return call(PROG_LOAD, a, code, license, logBuf);
        } catch (ErrnoException e) {
            log[0] = logBuf.getString(0, "US-ASCII");
            throw e;
        }
    }

    static void attach(int progFd, int targetFd, int attachType, int flags) throws ErrnoException {
        Memory a = attr();
        a.setInt(0, targetFd);
        a.setInt(4, progFd);
        a.setInt(8, attachType);
        a.setInt(12, flags);
        call(PROG_ATTACH, a);
    }

    static void detach(int progFd, int targetFd, int attachType) throws ErrnoException {
        Memory a = attr();
        a.setInt(0, targetFd);
        a.setInt(4, progFd);
        a.setInt(8, attachType);
        call(PROG_DETACH, a);
    }

    /** The ids of the programs attached to {@code targetFd} itself (not inherited), at most {@code max}. */
    static int[] query(int targetFd, int attachType, int max) throws ErrnoException {
        Memory ids = new Memory(4L * Math.max(max, 1));
        ids.clear();
        Memory a = attr();
        a.setInt(0, targetFd);
        a.setInt(4, attachType);
        a.setLong(16, max == 0 ? 0 : Pointer.nativeValue(ids));
        a.setInt(24, max);
        call(PROG_QUERY, a, ids);
        int count = a.getInt(24);
        return max == 0 ? new int[count] : Arrays.copyOf(ids.getIntArray(0, max), Math.min(count, max));
    }

    static int progById(int id) throws ErrnoException {
        Memory a = attr();
        a.setInt(0, id);
        return call(PROG_GET_FD_BY_ID, a);
    }

    static int mapById(int id) throws ErrnoException {
        Memory a = attr();
        a.setInt(0, id);
        return call(MAP_GET_FD_BY_ID, a);
    }

    /** bpf_prog_info's type and the ids of the maps the program uses. */
    record ProgInfo(int type, int[] mapIds) {
    }

    static ProgInfo progInfo(int progFd) throws ErrnoException {
        int max = 8;
        Memory ids = new Memory(4L * max);
        ids.clear();
        Memory info = new Memory(64);   // bpf_prog_info up to map_ids
        info.clear();
        info.setInt(52, max);           // nr_map_ids: room we give
        info.setLong(56, Pointer.nativeValue(ids));
        getInfo(progFd, info, ids);
        int n = Math.min(info.getInt(52), max);
        return new ProgInfo(info.getInt(0), ids.getIntArray(0, n));
    }

    /** bpf_map_info's type, key_size, value_size and max_entries. */
    record MapInfo(int type, int keySize, int valueSize, int maxEntries) {
    }

    static MapInfo mapInfo(int mapFd) throws ErrnoException {
        Memory info = new Memory(24);
        info.clear();
        getInfo(mapFd, info);
        return new MapInfo(info.getInt(0), info.getInt(8), info.getInt(12), info.getInt(16));
    }

    private static void getInfo(int fd, Memory info, Object... more) throws ErrnoException {
        Memory a = attr();
        a.setInt(0, fd);
        a.setInt(4, (int) info.size());
        a.setLong(8, Pointer.nativeValue(info));
        call(OBJ_GET_INFO_BY_FD, a, info, more);
    }
}
