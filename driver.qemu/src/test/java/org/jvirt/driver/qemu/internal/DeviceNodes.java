package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Device nodes for the tests of guests' device access: loop devices as block disks, a node's
 * numbers as stat(1) tells them, and libvirt's default list as this host has it.
 */
final class DeviceNodes {
    private DeviceNodes() {
    }

    /** libvirt 9.0's default cgroup_device_acl entries of the nodes this host has, read-write. */
    static List<String> defaultAcl() throws Exception {
        List<String> out = new ArrayList<>();
        for (String dev : List.of("/dev/null", "/dev/full", "/dev/zero", "/dev/random", "/dev/urandom",
                "/dev/ptmx", "/dev/kvm")) {
            if (Files.exists(Path.of(dev))) {
                out.add(node(dev) + " rw");
            }
        }
        return out;
    }

    /** A 1 MiB loop device over a new file {@code name} in {@code dir}; skips the test where none can be set up. */
    static String loop(Path dir, String name) throws Exception {
        Path img = dir.resolve(name);
        Files.write(img, new byte[1 << 20]);
        Process p = new ProcessBuilder("losetup", "-f", "--show", img.toString()).start();
        String dev = new String(p.getInputStream().readAllBytes()).strip();
        assumeTrue(p.waitFor() == 0 && dev.startsWith("/dev/"), "no loop device: " + dev);
        return dev;
    }

    static void detachLoop(String dev) throws Exception {
        new ProcessBuilder("losetup", "-d", dev).inheritIO().start().waitFor();
    }

    /** {@code c|b MAJOR:MINOR} as stat(1) reports the node. */
    static String node(String dev) throws Exception {
        Process p = new ProcessBuilder("stat", "-L", "-c", "%F %t %T", dev).start();
        String[] f = new String(p.getInputStream().readAllBytes()).strip().split(" ");
        p.waitFor();
        String type = f[0].equals("block") ? "b" : "c";
        return type + " " + Integer.parseInt(f[f.length - 2], 16) + ":" + Integer.parseInt(f[f.length - 1], 16);
    }
}
