package org.jvirt.driver.qemu.internal.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.IntByReference;

/**
 * Starts a child that inherits descriptors of this JVM at fixed numbers, which
 * {@link ProcessBuilder} cannot do (its child closes every descriptor above stderr). libvirt's
 * virCommand keeps the descriptors it was given open across exec; here glibc's
 * {@code posix_spawnp} does it with file actions: stdin from a pipe, stdout and stderr appended to
 * a file, the given descriptors moved to 3, 4, ... (through numbers above every source, so that no
 * source is overwritten before it is copied), and everything from there on closed
 * ({@code posix_spawn_file_actions_addclosefrom_np}, glibc 2.34), so QEMU gets nothing else of
 * the JVM. The child starts with default signal handlers and an empty mask, in a new session when
 * asked, with this JVM's environment.
 */
public final class FdSpawn {
    static final int SIGTERM = 15;
    static final int SIGKILL = 9;
    private static final int O_WRONLY = 0x1;
    private static final int O_CREAT = 0x40;
    private static final int O_APPEND = 0x400;
    private static final int O_CLOEXEC = 0x80000;
    private static final int EINTR = 4;
    private static final short SETSIGDEF = 0x04;
    private static final short SETSIGMASK = 0x08;
    private static final short SETSID = 0x80;
    /** Larger than glibc's posix_spawn_file_actions_t (80 bytes), posix_spawnattr_t (336) and sigset_t (128). */
    private static final int ACTIONS_SIZE = 256;
    private static final int ATTR_SIZE = 1024;
    private static final int SIGSET_SIZE = 256;

    private interface LibC extends Library {
        int posix_spawn_file_actions_init(Pointer actions);

        int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

        int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

        int posix_spawn_file_actions_destroy(Pointer actions);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer set);

        int posix_spawnattr_destroy(Pointer attr);

        int sigfillset(Pointer set);

        int sigemptyset(Pointer set);

        int posix_spawnp(IntByReference pid, String file, Pointer actions, Pointer attr, StringArray argv,
                         StringArray envp);

        int pipe2(int[] fds, int flags) throws LastErrorException;

        int open(String path, int flags, int mode) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        int waitpid(int pid, int[] status, int options) throws LastErrorException;

        int kill(int pid, int sig) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private FdSpawn() {
    }

    /**
     * Spawns {@code argv} with stdin a pipe (the returned process's output stream), stdout and
     * stderr appended to {@code log}, and {@code fds} as descriptors 3, 4, ... in order.
     */
    static Process spawn(List<String> argv, Path log, boolean newSession, List<Integer> fds) throws IOException {
        LibC c = Holder.LIBC;
        int[] pipe = new int[2];
        int logFd;
        try {
            c.pipe2(pipe, O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("pipe2: error " + e.getErrorCode(), e);
        }
        try {
            logFd = c.open(log.toString(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
        } catch (LastErrorException e) {
            close(pipe[0]);
            close(pipe[1]);
            throw new IOException("cannot open " + log + ": error " + e.getErrorCode(), e);
        }
        Memory actions = new Memory(ACTIONS_SIZE);
        Memory attr = new Memory(ATTR_SIZE);
        Memory all = new Memory(SIGSET_SIZE);
        Memory none = new Memory(SIGSET_SIZE);
        c.posix_spawn_file_actions_init(actions);
        c.posix_spawnattr_init(attr);
        try {
            check(c.posix_spawn_file_actions_adddup2(actions, pipe[0], 0), "adddup2");
            check(c.posix_spawn_file_actions_adddup2(actions, logFd, 1), "adddup2");
            check(c.posix_spawn_file_actions_adddup2(actions, logFd, 2), "adddup2");
            int above = Math.max(Math.max(pipe[0], pipe[1]), Math.max(logFd, 2 + fds.size()));
            for (int fd : fds) {
                above = Math.max(above, fd);
            }
            for (int i = 0; i < fds.size(); i++) {
                check(c.posix_spawn_file_actions_adddup2(actions, fds.get(i), above + 1 + i), "adddup2");
            }
            for (int i = 0; i < fds.size(); i++) {
                check(c.posix_spawn_file_actions_adddup2(actions, above + 1 + i, 3 + i), "adddup2");
            }
            check(c.posix_spawn_file_actions_addclosefrom_np(actions, 3 + fds.size()), "addclosefrom_np");
            c.sigfillset(all);
            c.sigemptyset(none);
            check(c.posix_spawnattr_setsigdefault(attr, all), "setsigdefault");
            check(c.posix_spawnattr_setsigmask(attr, none), "setsigmask");
            check(c.posix_spawnattr_setflags(attr, (short) (SETSIGDEF | SETSIGMASK | (newSession ? SETSID : 0))),
                    "setflags");
            IntByReference pid = new IntByReference();
            int rc = c.posix_spawnp(pid, argv.get(0), actions, attr, new StringArray(argv.toArray(String[]::new)),
                    new StringArray(environment()));
            if (rc != 0) {
                close(pipe[1]);
                throw new IOException("Cannot run program \"" + argv.get(0) + "\": error=" + rc);
            }
            return new SpawnedProcess(pid.getValue(), pipe[1]);
        } finally {
            c.posix_spawn_file_actions_destroy(actions);
            c.posix_spawnattr_destroy(attr);
            close(pipe[0]);
            close(logFd);
        }
    }

    private static String[] environment() {
        return System.getenv().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static void check(int rc, String what) throws IOException {
        if (rc != 0) {
            throw new IOException("posix_spawn_file_actions/attr " + what + ": error " + rc);
        }
    }

    /** waitpid until the child ends: its exit code, or 128 + the signal that killed it (as the JDK reports). */
    static int waitFor(int pid) {
        int[] status = new int[1];
        while (true) {
            try {
                Holder.LIBC.waitpid(pid, status, 0);
                int s = status[0];
                return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 0x80 + (s & 0x7f);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    return -1;
                }
            }
        }
    }

    static void kill(int pid, int signal) {
        try {
            Holder.LIBC.kill(pid, signal);
        } catch (LastErrorException e) {
            // gone already
        }
    }

    static void writeFully(int fd, byte[] b, int off, int len) throws IOException {
        byte[] buf = off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
        int done = 0;
        while (done < buf.length) {
            byte[] rest = done == 0 ? buf : Arrays.copyOfRange(buf, done, buf.length);
            try {
                done += Holder.LIBC.write(fd, rest, new NativeLong(rest.length)).intValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new IOException("write: error " + e.getErrorCode(), e);
                }
            }
        }
    }

    static void close(int fd) {
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            // nothing left to close
        }
    }
}
