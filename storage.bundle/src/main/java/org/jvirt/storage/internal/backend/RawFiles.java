package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.VolDef;

/** Raw volume files as libvirt's {@code storageBackendCreateRaw}, {@code virFileResize} and the zero wipe handle them. */
final class RawFiles {
    private static final int CHUNK = 1 << 20;

    private RawFiles() {
    }

    /** {@code storageBackendCreateRaw}/{@code createRawFile}: a new file (never an existing one), its data copied from {@code input}. */
    static void create(Path path, int mode, VolDef vol, VolDef input) throws VirtException {
        boolean needAlloc = input == null || Long.compareUnsigned(vol.allocation(), input.capacity()) >= 0;
        try (FileChannel out = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(DirBackend.posix(mode)))) {
            try {
                extend(out, vol.capacity());
                if (input != null) {
                    copy(Path.of(input.path()), out, !needAlloc);
                }
                out.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        } catch (IOException e) {
            throw DirBackend.system("Failed to create file '" + path + "'", DirBackend.reason(e));
        }
        DirBackend.chmod(path, mode);
        if (vol.allocation() > 0 && needAlloc) {
            allocate(path, vol.allocation());
        }
    }

    /** {@code virFileResize}: a new size, its space allocated when asked. */
    static void resize(Path path, long capacity, boolean allocate) throws VirtException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (ch.size() > capacity) {
                ch.truncate(capacity);
            } else {
                extend(ch, capacity);
            }
        } catch (IOException e) {
            throw DirBackend.system("Failed to truncate file '" + path + "'", DirBackend.reason(e));
        }
        if (allocate) {
            allocate(path, capacity);
        }
    }

    /** The zero wipe: every byte reads back as zero, the size stays and the blocks are released. */
    static void zero(Path path) throws VirtException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ch.truncate(0);
            extend(ch, size);
            ch.force(true);
        } catch (IOException e) {
            throw DirBackend.system("Failed to wipe vol '" + path + "'", DirBackend.reason(e));
        }
    }

    private static void extend(FileChannel ch, long size) throws IOException {
        if (size > ch.size()) {
            ch.write(ByteBuffer.allocate(1), size - 1);
        }
    }

    private static void allocate(Path path, long bytes) throws VirtException {
        HostCommand.run(List.of("fallocate", "--keep-size", "-l", Long.toString(bytes), path.toString()));
    }

    private static void copy(Path from, FileChannel out, boolean sparse) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long pos = 0;
            while (true) {
                buf.clear();
                int n = in.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                buf.flip();
                if (!(sparse && allZero(buf))) {
                    while (buf.hasRemaining()) {
                        out.write(buf, pos + buf.position());
                    }
                }
                pos += n;
            }
        }
    }

    private static boolean allZero(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
