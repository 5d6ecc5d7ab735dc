package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Filesystem;

/**
 * {@code <filesystem type='file'>} other than the root: a raw image mounted on the target through a
 * loop device, as libvirt's controller does ({@code virLXCControllerSetupLoopDeviceFS}, then
 * {@code lxcContainerMountFSBlock}). A loop device of the driver's own would outlive a container
 * that ends without the driver, or be gone at its reboot; so liblxc runs util-linux
 * {@code mount -o loop} as a mount hook, inside the container's mount namespace before the
 * pivot_root, at every start and reboot. mount(8) attaches the image with {@code LO_FLAGS_AUTOCLEAR}
 * and finds its filesystem type with libblkid, so the kernel frees the loop device when the
 * container's mount namespace ends, whoever ends it.
 */
final class ImageMounts {
    private ImageMounts() {
    }

    static void write(Filesystem fs, String target, ConfigText c) throws VirtException {
        Path file = Path.of(fs.source().file());
        RootFilesystem.access(file);
        if (!Files.isRegularFile(file)) {
            throw LxcErrors.system("Failed to associate loop device with '" + file + "': not a regular file");
        }
        // liblxc runs a hook with sh -c, LXC_ROOTFS_MOUNT naming the root being set up
        String at = "\"$LXC_ROOTFS_MOUNT\"/" + quote(target);
        c.set("lxc.hook.mount", "/bin/sh -c 'mkdir -p " + escape(at) + " && exec mount -o loop"
                + (fs.readOnly() ? ",ro" : "") + " " + escape(quote(file.toString())) + " " + escape(at) + "'");
    }

    /** A word for sh: in single quotes. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code s} inside the hook's own single-quoted {@code sh -c} argument. */
    private static String escape(String s) {
        return s.replace("'", "'\\''");
    }
}
