package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The {@code major:minor} of a block device, as libvirt's virCgroupGetBlockDevString finds it. */
final class BlockDevices {
    /** S_IFMT and S_IFBLK of stat's mode. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;

    private BlockDevices() {
    }

    /**
     * {@code c MAJOR:MINOR} or {@code b MAJOR:MINOR} of a device node, null when the path does
     * not exist or is no device (libvirt's virCgroupAllowDevicePath skips those).
     */
    static String node(String devPath) {
        try {
            Path p = Path.of(devPath);
            int type = (Integer) Files.getAttribute(p, "unix:mode") & S_IFMT;
            if (type != S_IFBLK && type != S_IFCHR) {
                return null;
            }
            return (type == S_IFBLK ? "b " : "c ") + majorMinor((Long) Files.getAttribute(p, "unix:rdev"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String majorMinor(String devPath) throws VirtException {
        int mode;
        long rdev;
        try {
            Path p = Path.of(devPath);
            mode = (Integer) Files.getAttribute(p, "unix:mode");
            rdev = (Long) Files.getAttribute(p, "unix:rdev");
        } catch (NoSuchFileException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP,
                    "Path '" + devPath + "' is not accessible: No such file or directory", e);
        } catch (IOException | RuntimeException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP,
                    "Path '" + devPath + "' is not accessible: " + e.getMessage(), e);
        }
        if ((mode & S_IFMT) != S_IFBLK) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP,
                    "Path '" + devPath + "' must be a block device: Invalid argument");
        }
        return majorMinor(rdev);
    }

    /** glibc's major()/minor() of a Linux dev_t. */
    private static String majorMinor(long rdev) {
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return major + ":" + minor;
    }
}
