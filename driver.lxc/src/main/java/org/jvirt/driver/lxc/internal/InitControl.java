package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.VirtException;

/**
 * libvirt's {@code virLXCDomainSetRunlevel}: asks a SysV-style init inside the container to change
 * its runlevel (0 to power off, 6 to reboot) through its {@code initctl} FIFO, a 384-byte
 * {@code struct init_request} ({@code virInitctlSetRunLevel}). The FIFO is looked up at libvirt's
 * paths as the container sees them (through {@code /proc/<init>/root}, symbolic links followed
 * inside the container's root), and one that is the host's own FIFO is skipped, as libvirt compares
 * device and inode, so that the host's runlevel is never changed.
 */
final class InitControl {
    static final int RUNLEVEL_POWEROFF = 0;
    static final int RUNLEVEL_REBOOT = 6;

    /** libvirt's {@code virInitctlFifos}, in its order. */
    static final List<String> FIFOS = List.of("/run/initctl", "/dev/initctl", "/etc/.initctl",
            "/usr/lib/sysvinit/initctl");

    private static final int MAGIC = 0x03091969;
    private static final int CMD_RUNLVL = 1;
    private static final int REQUEST_SIZE = 384;
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private InitControl() {
    }

    /**
     * Sends the runlevel request to the first FIFO found in the container of {@code initPid}.
     *
     * @return false when the container has no initctl FIFO (the caller then signals init)
     */
    static boolean setRunlevel(long initPid, int runlevel) throws VirtException {
        Path root = Path.of("/proc", Long.toString(initPid), "root");
        for (String fifo : FIFOS) {
            Optional<Path> inside = RootPaths.resolve(root, fifo);
            if (inside.isEmpty() || !isFifo(inside.get()) || sameFile(inside.get(), Path.of(fifo))) {
                continue;
            }
            send(inside.get(), fifo, runlevel);
            return true;
        }
        return false;
    }

    private static void send(Path path, String fifo, int runlevel) throws VirtException {
        ByteBuffer req = ByteBuffer.allocate(REQUEST_SIZE).order(ByteOrder.nativeOrder());
        req.putInt(MAGIC).putInt(CMD_RUNLVL).putInt('0' + runlevel).putInt(0);   // sleeptime 0, the rest zero
        req.rewind();
        // read-write: opening a FIFO so never blocks (libvirt uses O_NONBLOCK, which Java cannot ask
        // for); the 384 bytes fit in the pipe's buffer, so the write does not block either
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            while (req.hasRemaining()) {
                ch.write(req);
            }
        } catch (IOException e) {
            throw LxcErrors.system("Failed to send request to init control " + fifo + ": " + e.getMessage());
        }
    }

    private static boolean isFifo(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFIFO;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the container's FIFO is the host's own (same device and inode). */
    private static boolean sameFile(Path inside, Path host) {
        try {
            return Files.exists(host) && Files.isSameFile(inside, host);
        } catch (IOException e) {
            return false;
        }
    }
}
