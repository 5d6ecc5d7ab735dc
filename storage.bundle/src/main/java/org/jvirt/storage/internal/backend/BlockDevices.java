package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.Perms;

/** Writing to block devices (and the files behind loop devices) as libvirt's logical backend does. */
final class BlockDevices {
    private static final int CHUNK = 1 << 20;

    private BlockDevices() {
    }

    /** {@code virStorageBackendZeroPartitionTable}: zeros over the first and the last {@code size} bytes. */
    static void zeroEnds(String device, long size) throws VirtException {
        try (FileChannel ch = FileChannel.open(Path.of(device), StandardOpenOption.WRITE)) {
            long total = ch.size();
            zero(ch, 0, Math.min(size, total));
            if (total > size) {
                zero(ch, total - size, size);
            }
            ch.force(false);
        } catch (IOException e) {
            throw DirBackend.system("cannot clear device header of '" + device + "'", DirBackend.reason(e));
        }
    }

    /** The zero wipe of a block volume: {@code length} zero bytes from its start. */
    static void zero(String device, long length) throws VirtException {
        try (FileChannel ch = FileChannel.open(Path.of(device), StandardOpenOption.WRITE)) {
            zero(ch, 0, Math.min(length, ch.size()));
            ch.force(false);
        } catch (IOException e) {
            throw DirBackend.system("Failed to wipe vol '" + device + "'", DirBackend.reason(e));
        }
    }

    /** {@code storageBackendCreateBlockFrom}: the input's bytes written over the start of the device. */
    static void copy(String input, String device) throws VirtException {
        try (InputStream in = Files.newInputStream(Path.of(input));
             FileChannel out = FileChannel.open(Path.of(device), StandardOpenOption.WRITE)) {
            byte[] buf = new byte[CHUNK];
            for (int n; (n = in.read(buf)) > 0; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buf, 0, n);
                while (chunk.hasRemaining()) {   // a write may take part of the buffer
                    out.write(chunk);
                }
            }
            out.force(false);
        } catch (IOException e) {
            throw DirBackend.system("failed writing to '" + device + "' from '" + input + "'", DirBackend.reason(e));
        }
    }

    /** The size of a block device (its file's size for a regular file). */
    static long size(Path device) throws IOException {
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.READ)) {
            return ch.size();
        }
    }

    /** Mode, owner and group of the device a path leads to (links followed, as libvirt opens it). */
    static Perms perms(Path device) throws IOException {
        Map<String, Object> a = Files.readAttributes(device, "unix:mode,uid,gid");
        return new Perms(((Integer) a.get("mode")) & 0777, (Integer) a.get("uid"), (Integer) a.get("gid"), null);
    }

    /** libvirt's fchown (root only, -1 keeps) and fchmod of a new volume. */
    static void own(Path device, Perms perms, int defaultMode, boolean root) throws VirtException {
        try {
            if (root && perms.owner() != -1) {
                Files.setAttribute(device, "unix:uid", (int) perms.owner());
            }
            if (root && perms.group() != -1) {
                Files.setAttribute(device, "unix:gid", (int) perms.group());
            }
        } catch (IOException e) {
            throw DirBackend.system("cannot set file owner '" + device + "'", DirBackend.reason(e));
        }
        try {
            Files.setPosixFilePermissions(device, DirBackend.posix(perms.mode() == -1 ? defaultMode : perms.mode()));
        } catch (IOException e) {
            throw DirBackend.system("cannot set file mode '" + device + "'", DirBackend.reason(e));
        }
    }

    private static void zero(FileChannel ch, long from, long length) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
        long done = 0;
        while (done < length) {
            zeros.clear();
            zeros.limit((int) Math.min(CHUNK, length - done));
            done += ch.write(zeros, from + done);
        }
    }
}
