package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Filesystem;

/**
 * {@code <filesystem type='block'>} other than the root: the device is mounted on the target with
 * the filesystem type blkid finds on it, as libvirt's {@code lxcContainerMountFSBlock} probes it
 * with libblkid ({@code <readonly/>}: read-only).
 */
final class BlockMounts {
    private BlockMounts() {
    }

    static void write(Filesystem fs, String target, ConfigText c) throws VirtException {
        Path dev = Path.of(fs.source().dev());
        RootFilesystem.requireBlockDevice(dev);
        String type = probe(dev, fs.targetDir());
        c.set("lxc.mount.entry", ConfigText.fstab(dev.toString()) + " " + ConfigText.fstab(target) + " " + type + " "
                + (fs.readOnly() ? "ro" : "rw") + ",create=dir 0 0");
    }

    /** {@code blkid -p -o value -s TYPE}: the filesystem on {@code dev}, or libvirt's error. */
    static String probe(Path dev, String target) throws VirtException {
        try {
            Process p = new ProcessBuilder(List.of(blkid(), "-p", "-o", "value", "-s", "TYPE", dev.toString()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[A-Za-z0-9_.-]+")) {
                return out;
            }
        } catch (IOException e) {
            throw LxcErrors.system("Unable to detect filesystem for " + dev + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw LxcErrors.system("Failed to mount device " + dev + " to " + target + ", unable to detect filesystem");
    }

    private static String blkid() {
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, "blkid"))) {
                return dir + "/blkid";
            }
        }
        return "blkid";
    }
}
