package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Resolves a path as the container will see it, inside its root folder: symbolic links are followed
 * relative to that root (an absolute link {@code /sbin/init -> /bin/busybox} means the root's
 * busybox, never the host's), and {@code ..} never leaves the root. So the driver can tell before
 * the start that the init does not exist, which is what libvirt checks after its pivot_root.
 */
final class RootPaths {
    private static final int MAX_LINKS = 40;   // the kernel's MAXSYMLINKS

    private RootPaths() {
    }

    /** The host path of {@code path} inside {@code root}, empty when it does not exist. */
    static Optional<Path> resolve(Path root, String path) {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                done.pollLast();
                continue;
            }
            Path host = host(root, done).resolve(part);
            if (Files.isSymbolicLink(host)) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(host).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                push(todo, target);
                continue;
            }
            if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            done.addLast(part);
        }
        return Optional.of(host(root, done));
    }

    /** Pushes the components of {@code path} so that the first one pops first. */
    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }

    private static Path host(Path root, Deque<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }
}
