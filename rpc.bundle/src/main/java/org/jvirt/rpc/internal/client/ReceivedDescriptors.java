package org.jvirt.rpc.internal.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.rpc.internal.wire.DescriptorPassing;

/**
 * Namespace descriptors a server passed with its reply: they are this process's now. The wire
 * carries only the numbers; the kind of each is what the kernel says of it ({@code /proc/self/fd/N}
 * reads {@code ipc:[4026531839]}).
 */
final class ReceivedDescriptors implements NamespaceDescriptors {
    private final List<Integer> fds;
    private final List<String> kinds;
    private final AtomicBoolean closed = new AtomicBoolean();

    ReceivedDescriptors(int[] received) {
        List<Integer> f = new ArrayList<>();
        List<String> k = new ArrayList<>();
        for (int fd : received) {
            f.add(fd);
            k.add(kindOf(fd));
        }
        this.fds = List.copyOf(f);
        this.kinds = List.copyOf(k);
    }

    private static String kindOf(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
            int colon = target.indexOf(':');
            return colon > 0 ? target.substring(0, colon) : target;
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void closeAll(int[] fds) {
        for (int fd : fds) {
            DescriptorPassing.close(fd);
        }
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
        if (closed.compareAndSet(false, true)) {
            fds.forEach(DescriptorPassing::close);
        }
    }
}
