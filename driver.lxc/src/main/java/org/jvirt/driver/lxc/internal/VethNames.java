package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Host-side names for veth devices, libvirt's {@code vethN}: the lowest N that no device on the host
 * has and that no start in progress of this driver picked (liblxc creates the device a moment later).
 */
final class VethNames {
    private static final Path SYS_NET = Path.of("/sys/class/net");
    private final Set<String> reserved = new HashSet<>();

    synchronized String allocate() {
        for (int n = 0; ; n++) {
            String name = "veth" + n;
            if (!reserved.contains(name) && !Files.exists(SYS_NET.resolve(name))) {
                reserved.add(name);
                return name;
            }
        }
    }

    /** The start is over: the device exists (or the start failed), the host's list speaks for it. */
    synchronized void release(Iterable<String> names) {
        for (String n : names) {
            reserved.remove(n);
        }
    }

    static boolean exists(String name) {
        return Files.exists(SYS_NET.resolve(name));
    }
}
