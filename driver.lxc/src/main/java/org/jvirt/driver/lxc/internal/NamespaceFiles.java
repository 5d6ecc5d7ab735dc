package org.jvirt.driver.lxc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.NamespaceDescriptors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The namespaces of a container's init opened as libvirt's {@code virProcessGetNamespaces} does
 * for {@code lxcDomainLxcOpenNamespace}: {@code /proc/PID/ns/} user, ipc, mnt, net, pid, uts in
 * that order, each one that opens (a kernel without a kind, or a process gone meanwhile, simply
 * gives fewer). The user namespace is the host's own for a container without {@code <idmap>}, as
 * in libvirt: the client's setns(2) into the namespace it is already in fails with EINVAL, which
 * libvirt's {@code virProcessSetNamespaces} ignores. Java cannot hand out a descriptor number, so
 * open(2) and close(2) are the C library's (JNA); the descriptors are close-on-exec, so no
 * process the JVM starts inherits them.
 */
final class NamespaceFiles implements NamespaceDescriptors {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceFiles.class);
    /** virProcessGetNamespaces' kinds and order. */
    static final List<String> KINDS = List.of("user", "ipc", "mnt", "net", "pid", "uts");
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final List<Integer> fds;
    private final List<String> kinds;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NamespaceFiles(List<Integer> fds, List<String> kinds) {
        this.fds = List.copyOf(fds);
        this.kinds = List.copyOf(kinds);
    }

    /** Opens the namespaces of process {@code pid}. */
    static NamespaceFiles open(long pid) {
        List<Integer> fds = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (String kind : KINDS) {
            try {
                fds.add(Holder.LIBC.open("/proc/" + pid + "/ns/" + kind, O_RDONLY | O_CLOEXEC));
                kinds.add(kind);
            } catch (LastErrorException e) {
                LOG.debug("namespace {} of pid {} not opened: errno {}", kind, pid, e.getErrorCode());
            }
        }
        return new NamespaceFiles(fds, kinds);
    }

    @Override
    public List<Integer> descriptors() {
        return fds;
    }

    @Override
    public List<String> kinds() {
        return kinds;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int fd : fds) {
            try {
                Holder.LIBC.close(fd);
            } catch (LastErrorException e) {
                LOG.debug("closing namespace descriptor {} failed: errno {}", fd, e.getErrorCode());
            }
        }
    }
}
