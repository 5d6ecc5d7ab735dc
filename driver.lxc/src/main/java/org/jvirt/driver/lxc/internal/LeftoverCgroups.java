package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * liblxc leaves an empty {@code lxc.pivot} cgroup at the top of each v1 hierarchy after a
 * container's cleanup (it moves its monitor there to remove the container's groups). The driver
 * removes it once a container stopped; a group still in use is not empty and stays.
 */
final class LeftoverCgroups {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private LeftoverCgroups() {
    }

    static void removePivot() {
        try (DirectoryStream<Path> hierarchies = Files.newDirectoryStream(ROOT)) {
            for (Path h : hierarchies) {
                try {
                    Files.deleteIfExists(h.resolve("lxc.pivot"));
                } catch (IOException e) {
                    // in use by another container's cleanup, or not a cgroup folder: it stays
                }
            }
        } catch (IOException e) {
            // no cgroup file system: nothing to remove
        }
    }
}
